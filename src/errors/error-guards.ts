import {
  ERROR_BRAND,
  HyperbrowserAbortError,
  HyperbrowserApiError,
  HyperbrowserConnectionError,
  HyperbrowserError,
  HyperbrowserInvalidArgumentError,
  HyperbrowserInvalidResponseError,
  HyperbrowserNotFoundError,
  HyperbrowserTimeoutError,
} from "./errors.js";

type ErrorClass<T extends HyperbrowserError> = abstract new (...args: never[]) => T;

/**
 * True when `value` is an instance of `errorClass` or of a subclass, also when it comes from another
 * installed copy of this package (where `instanceof` fails): then its class chain is compared by name
 * (ky's `isErrorType`), and only for values that carry this package's brand.
 */
export function isErrorType<T extends HyperbrowserError>(value: unknown, errorClass: ErrorClass<T>): value is T {
  if (value instanceof errorClass) return true;
  if (typeof value !== "object" || value === null || (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] !== true)
    return false;
  for (
    let prototype: unknown = Object.getPrototypeOf(value);
    prototype !== null && prototype !== Error.prototype;
    prototype = Object.getPrototypeOf(prototype)
  ) {
    if ((prototype as { constructor?: { name?: unknown } }).constructor?.name === errorClass.name) return true;
  }
  return false;
}

/** True for any error of this package, also one thrown by another installed copy of it. */
export function isHyperbrowserError(value: unknown): value is HyperbrowserError {
  return isErrorType(value, HyperbrowserError);
}

/** True for a non-2xx response error (any status). */
export function isHyperbrowserApiError(value: unknown): value is HyperbrowserApiError {
  return isErrorType(value, HyperbrowserApiError);
}

/** True for a 404. */
export function isHyperbrowserNotFoundError(value: unknown): value is HyperbrowserNotFoundError {
  return isErrorType(value, HyperbrowserNotFoundError);
}

/** True for a network failure, a timeout included. */
export function isHyperbrowserConnectionError(value: unknown): value is HyperbrowserConnectionError {
  return isErrorType(value, HyperbrowserConnectionError);
}

/** True for a timeout (per attempt or the call's deadline). */
export function isHyperbrowserTimeoutError(value: unknown): value is HyperbrowserTimeoutError {
  return isErrorType(value, HyperbrowserTimeoutError);
}

/** True when the caller's signal aborted the call. */
export function isHyperbrowserAbortError(value: unknown): value is HyperbrowserAbortError {
  return isErrorType(value, HyperbrowserAbortError);
}

/** True for an answer the client could not use: a 2xx body unlike the spec's, or an answer that is not usable HTTP. */
export function isHyperbrowserInvalidResponseError(value: unknown): value is HyperbrowserInvalidResponseError {
  return isErrorType(value, HyperbrowserInvalidResponseError);
}

/** True when an argument (for example a session id) was rejected before anything was sent. */
export function isHyperbrowserInvalidArgumentError(value: unknown): value is HyperbrowserInvalidArgumentError {
  return isErrorType(value, HyperbrowserInvalidArgumentError);
}
