/** What every event of one call carries. The URL never holds the API key (it travels in a header). */
export interface HyperbrowserCallEventBase {
  method: string;
  url: string;
  /** The spec's path template (`/api/session/{id}`), when the call came through the typed client. */
  urlTemplate: string | undefined;
  /** The id sent in `x-client-request-id`, the same on every attempt of one call. */
  clientRequestId: string;
}

/** An attempt is about to be sent. */
export interface HyperbrowserRequestEvent extends HyperbrowserCallEventBase {
  /** From 1. */
  attempt: number;
  /** Outgoing headers, names lower-cased, `x-api-key`, `authorization` and cookies replaced by `[REDACTED]`. */
  headers: Readonly<Record<string, string>>;
}

/** An attempt got a response (any status). */
export interface HyperbrowserResponseEvent extends HyperbrowserCallEventBase {
  attempt: number;
  status: number;
  /** From sending to the last byte of the body, on the client's clock. */
  durationMs: number;
  /** The server's `x-request-id` / `request-id`. */
  requestId: string | undefined;
}

/** The client will wait, then send the call again. */
export interface HyperbrowserRetryEvent extends HyperbrowserCallEventBase {
  /** The attempt that failed. */
  attempt: number;
  delayMs: number;
  /** `retry-after`: the server's `Retry-After` / `retry-after-ms` set the wait; `backoff`: the client's backoff did. */
  reason: "backoff" | "retry-after";
  /** What failed, in a few words (`status 503`, `timeout after 30000 ms`, `connection error: read ECONNRESET`). */
  cause: string;
}

/** A retryable failure that the client will not retry. */
export interface HyperbrowserGiveUpEvent extends HyperbrowserCallEventBase {
  attempts: number;
  reason: "retries-exhausted" | "budget-exhausted" | "retry-after-too-long" | "deadline";
  /** The reason in words (`2 retries used`, `a 4000 ms wait would pass the deadline`). */
  detail: string;
  cause: string;
}

/**
 * Lifecycle hooks for teams with their own telemetry. Each receives redacted data (no API key, no session
 * token); a hook that throws or rejects does not affect the call: the error goes to the `logger`
 * (or `console.warn` without one).
 */
export interface HyperbrowserHooks {
  onRequest?: ((event: HyperbrowserRequestEvent) => unknown) | undefined;
  onResponse?: ((event: HyperbrowserResponseEvent) => unknown) | undefined;
  onRetry?: ((event: HyperbrowserRetryEvent) => unknown) | undefined;
  onGiveUp?: ((event: HyperbrowserGiveUpEvent) => unknown) | undefined;
}
