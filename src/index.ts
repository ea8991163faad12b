export { createHyperbrowserClient, type HyperbrowserClient } from "./client.js";
export {
  DEFAULT_DEADLINE_MS,
  DEFAULT_MAX_SOCKETS,
  DEFAULT_TIMEOUT_MS,
  MAX_ERROR_BODY_BYTES,
  MAX_RESPONSE_BYTES,
  type HyperbrowserClientOptions,
} from "./client-options.js";
export type { CallOptions } from "./http/call-options.js";
export type { Clock } from "./internal/clock.js";
export { CLIENT_VERSION } from "./version.js";
export { SPEC_INFO, type SpecInfo } from "./spec-info.js";
export type { HyperbrowserLogger } from "./logging/logger.js";
export { MAX_PATH_PARAM_LENGTH } from "./resources/path-params.js";
export { DEFAULT_RETRY_POLICY, RETRYABLE_STATUSES, type RetryOptions } from "./retry/retry-policy.js";
export { RetryBudget, type RetryBudgetOptions, type RetryBudgetState } from "./retry/retry-budget.js";
export { MAX_REPORTED_VIOLATIONS, type ResponseViolation, type ValidateResponsesMode } from "./resources/response-validation.js";
export { CLIENT_ATTEMPT_HEADER, CLIENT_REQUEST_ID_HEADER } from "./http/transport.js";
export type { GetSessionOptions, SessionsResource } from "./resources/sessions.js";
export type {
  HyperbrowserCallEventBase,
  HyperbrowserGiveUpEvent,
  HyperbrowserHooks,
  HyperbrowserRequestEvent,
  HyperbrowserResponseEvent,
  HyperbrowserRetryEvent,
} from "./telemetry/events.js";
export type { MeterProviderLike, TelemetryOptions, TracerProviderLike } from "./telemetry/telemetry-options.js";
export { API_KEY_HEADER, createApiKeyAuth, type ApiKeyAuthOptions } from "./auth.js";
export {
  HyperbrowserAbortError,
  HyperbrowserApiError,
  HyperbrowserAuthenticationError,
  HyperbrowserClientClosedError,
  HyperbrowserConflictError,
  HyperbrowserConnectionError,
  HyperbrowserError,
  HyperbrowserInvalidArgumentError,
  HyperbrowserInvalidResponseError,
  HyperbrowserNotFoundError,
  HyperbrowserPermissionDeniedError,
  HyperbrowserRateLimitError,
  HyperbrowserRedirectError,
  HyperbrowserServerError,
  HyperbrowserTimeoutError,
  HyperbrowserUnprocessableEntityError,
  type HyperbrowserApiErrorDetails,
  type HyperbrowserConnectionErrorDetails,
  type HyperbrowserErrorDetails,
  type HyperbrowserResponseErrorDetails,
} from "./errors/errors.js";
export {
  isHyperbrowserAbortError,
  isHyperbrowserApiError,
  isHyperbrowserConnectionError,
  isHyperbrowserError,
  isHyperbrowserInvalidArgumentError,
  isHyperbrowserInvalidResponseError,
  isHyperbrowserNotFoundError,
  isHyperbrowserTimeoutError,
} from "./errors/error-guards.js";
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
