export { createHyperbrowserClient, type HyperbrowserClient } from "./client.js";
export type { HyperbrowserClientOptions } from "./client-options.js";
export type { CallOptions } from "./http/call-options.js";
export type { Clock } from "./internal/clock.js";
export { CLIENT_VERSION } from "./version.js";
export { SPEC_INFO, type SpecInfo } from "./spec-info.js";
export type { HyperbrowserLogger } from "./logging/logger.js";
export type { RetryOptions } from "./retry/retry-policy.js";
export { RetryBudget, type RetryBudgetOptions } from "./retry/retry-budget.js";
export type { ValidateResponsesMode } from "./resources/response-validation.js";
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
export { createApiKeyAuth, type ApiKeyAuthOptions } from "./auth.js";
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
