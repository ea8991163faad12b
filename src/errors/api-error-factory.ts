import {
  HyperbrowserApiError,
  HyperbrowserAuthenticationError,
  HyperbrowserConflictError,
  HyperbrowserNotFoundError,
  HyperbrowserPermissionDeniedError,
  HyperbrowserRateLimitError,
  HyperbrowserRedirectError,
  HyperbrowserServerError,
  HyperbrowserUnprocessableEntityError,
  type HyperbrowserApiErrorDetails,
} from "./errors.js";
import { redactJsonValue } from "../internal/redact.js";

type ApiErrorClass = new (
  message: string,
  details: HyperbrowserApiErrorDetails & { status: never },
) => HyperbrowserApiError;

const CLASS_BY_STATUS: ReadonlyMap<number, ApiErrorClass> = new Map<number, ApiErrorClass>([
  [401, HyperbrowserAuthenticationError],
  [403, HyperbrowserPermissionDeniedError],
  [404, HyperbrowserNotFoundError],
  [409, HyperbrowserConflictError],
  [422, HyperbrowserUnprocessableEntityError],
  [429, HyperbrowserRateLimitError],
]);

const MAX_MESSAGE_LENGTH = 500;

/**
 * Builds the error for a non-2xx response: the subclass for its status (any 5xx is a
 * `HyperbrowserServerError`, any 3xx a `HyperbrowserRedirectError`, an unlisted status a plain
 * `HyperbrowserApiError`), and a message taken
 * from the body's `message` (the spec's `ErrorResponse`, also Prism's problem+json `detail`) when
 * there is one, else the status line.
 */
export function createApiError(received: HyperbrowserApiErrorDetails, statusText = ""): HyperbrowserApiError {
  // Redacted before the message is taken from it: a token tagged anywhere in the body is then known, and
  // also removed where the message echoes it.
  const details = { ...received, body: redactJsonValue(received.body) };
  const ErrorClass = CLASS_BY_STATUS.get(details.status) ?? classByRange(details.status);
  const location = ErrorClass === HyperbrowserRedirectError ? details.headers?.get("location") : undefined;
  const message =
    apiErrorMessage(details.status, statusText, details.body) +
    (location ? ` (redirect to ${truncate(location, 200)}, not followed)` : "");
  return new ErrorClass(message, details as HyperbrowserApiErrorDetails & { status: never });
}

function classByRange(status: number): ApiErrorClass {
  if (status >= 500) return HyperbrowserServerError;
  if (status >= 300 && status < 400) return HyperbrowserRedirectError;
  return HyperbrowserApiError;
}

function apiErrorMessage(status: number, statusText: string, body: unknown): string {
  const statusLine = statusText.trim() === "" ? `HTTP status ${status}` : `${status} ${statusText}`;
  const fromBody = messageFromBody(body);
  return fromBody === undefined ? statusLine : truncate(fromBody, MAX_MESSAGE_LENGTH);
}

function messageFromBody(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { message, detail, title } = body as Record<string, unknown>;
  for (const candidate of [message, detail, title]) {
    if (typeof candidate === "string" && candidate.trim() !== "") return candidate;
  }
  return undefined;
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}
