export { createHyperbrowserClient, type HyperbrowserClient } from "./client.js";
export type { HyperbrowserClientOptions } from "./client-options.js";
export type { GetSessionOptions, SessionsResource } from "./sessions.js";
export { API_KEY_HEADER, createApiKeyAuth } from "./auth.js";
export {
  HyperbrowserAbortError,
  HyperbrowserApiError,
  HyperbrowserAuthenticationError,
  HyperbrowserConflictError,
  HyperbrowserConnectionError,
  HyperbrowserError,
  HyperbrowserInvalidResponseError,
  HyperbrowserNotFoundError,
  HyperbrowserPermissionDeniedError,
  HyperbrowserRateLimitError,
  HyperbrowserServerError,
  HyperbrowserTimeoutError,
  HyperbrowserUnprocessableEntityError,
  type HyperbrowserApiErrorDetails,
  type HyperbrowserErrorDetails,
  type HyperbrowserResponseErrorDetails,
} from "./errors.js";
export {
  isHyperbrowserAbortError,
  isHyperbrowserApiError,
  isHyperbrowserConnectionError,
  isHyperbrowserError,
  isHyperbrowserInvalidResponseError,
  isHyperbrowserNotFoundError,
  isHyperbrowserTimeoutError,
} from "./error-guards.js";
export type {
  components,
  CreateSessionProfile,
  ErrorResponse,
  paths,
  ScreenConfig,
  Session,
  SessionDetail,
  SessionLaunchState,
} from "./types.js";
