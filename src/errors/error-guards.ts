import {
  ERROR_BRAND,
  type HyperbrowserAbortError,
  type HyperbrowserApiError,
  type HyperbrowserConnectionError,
  type HyperbrowserError,
  type HyperbrowserInvalidArgumentError,
  type HyperbrowserInvalidResponseError,
  type HyperbrowserNotFoundError,
  type HyperbrowserTimeoutError,
} from "./errors.js";

const isBranded = (value: unknown): value is HyperbrowserError =>
  typeof value === "object" && value !== null && (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] === true;

const API_ERROR_NAMES = new Set([
  "HyperbrowserApiError",
  "HyperbrowserAuthenticationError",
  "HyperbrowserPermissionDeniedError",
  "HyperbrowserNotFoundError",
  "HyperbrowserConflictError",
  "HyperbrowserUnprocessableEntityError",
  "HyperbrowserRateLimitError",
  "HyperbrowserServerError",
  "HyperbrowserRedirectError",
]);

/** True for any error of this package, also one thrown by another installed copy of it. */
export function isHyperbrowserError(value: unknown): value is HyperbrowserError {
  return isBranded(value);
}

/** True for a non-2xx response error (any status). */
export function isHyperbrowserApiError(value: unknown): value is HyperbrowserApiError {
  return isBranded(value) && API_ERROR_NAMES.has(value.name);
}

/** True for a 404. */
export function isHyperbrowserNotFoundError(value: unknown): value is HyperbrowserNotFoundError {
  return isBranded(value) && value.name === "HyperbrowserNotFoundError";
}

/** True for a network failure, a timeout included. */
export function isHyperbrowserConnectionError(value: unknown): value is HyperbrowserConnectionError {
  return isBranded(value) && (value.name === "HyperbrowserConnectionError" || value.name === "HyperbrowserTimeoutError");
}

/** True for a timeout (per attempt or the call's deadline). */
export function isHyperbrowserTimeoutError(value: unknown): value is HyperbrowserTimeoutError {
  return isBranded(value) && value.name === "HyperbrowserTimeoutError";
}

/** True when the caller's signal aborted the call. */
export function isHyperbrowserAbortError(value: unknown): value is HyperbrowserAbortError {
  return isBranded(value) && value.name === "HyperbrowserAbortError";
}

/** True for a 2xx response whose body is not what the spec promises. */
export function isHyperbrowserInvalidResponseError(value: unknown): value is HyperbrowserInvalidResponseError {
  return isBranded(value) && value.name === "HyperbrowserInvalidResponseError";
}

/** True when an argument (for example a session id) was rejected before anything was sent. */
export function isHyperbrowserInvalidArgumentError(value: unknown): value is HyperbrowserInvalidArgumentError {
  return isBranded(value) && value.name === "HyperbrowserInvalidArgumentError";
}
