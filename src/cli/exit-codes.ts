import {
  isHyperbrowserApiError,
  isHyperbrowserConnectionError,
  isHyperbrowserInvalidArgumentError,
  isHyperbrowserNotFoundError,
} from "../errors/error-guards.js";

/** Exit codes of the CLI; scripts branch on them. */
export const EXIT = {
  ok: 0,
  /** Unexpected failure (a bug or an unusable environment). */
  failure: 1,
  usage: 2,
  notFound: 3,
  auth: 4,
  apiError: 5,
  network: 6,
} as const;

/** The exit code for an error thrown by the client. */
export function exitCodeFor(error: unknown): number {
  if (isHyperbrowserInvalidArgumentError(error)) return EXIT.usage;
  if (isHyperbrowserNotFoundError(error)) return EXIT.notFound;
  if (isHyperbrowserApiError(error)) return error.status === 401 || error.status === 403 ? EXIT.auth : EXIT.apiError;
  if (isHyperbrowserConnectionError(error)) return EXIT.network;
  return EXIT.apiError;
}
