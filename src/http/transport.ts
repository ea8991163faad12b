import {
  HyperbrowserAbortError,
  HyperbrowserConnectionError,
  HyperbrowserInvalidResponseError,
  HyperbrowserTimeoutError,
  type HyperbrowserError,
} from "../errors/errors.js";
import type { AttemptSummary, CallSummary, GiveUpReason, ObservedCall, TransportObserver } from "./observer.js";
import type { Clock } from "../internal/clock.js";
import { readDeprecationNotice } from "./deprecation-notice.js";
import type { RetryBudget } from "../retry/retry-budget.js";
import { RETRYABLE_STATUSES, retryDelay, type RetryPolicy } from "../retry/retry-policy.js";
import { attemptOnce, describeOutcome, outcomeError, type AttemptOutcome } from "./attempt-outcome.js";
import type { ClientLifecycle } from "./client-lifecycle.js";
import { API_KEY_HEADER, refuseKeyToOtherOrigin } from "./key-origin.js";
import { serverRequestId } from "./response-headers.js";
import { AttemptTimeoutError, type AttemptResponse, type Sender } from "./sender.js";
import type { Bytes } from "./bytes.js";

/** Header carrying the client's correlation id, the same on every attempt of one call. */
export const CLIENT_REQUEST_ID_HEADER = "x-client-request-id";
/** Header carrying the attempt number, from 1. */
export const CLIENT_ATTEMPT_HEADER = "x-client-attempt";

/** Methods the transport retries: safe ones, where a second attempt cannot do anything twice. */
const RETRYABLE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Everything the transport needs, resolved. */
export interface TransportSettings {
  /** Carries attempts: over `node:http` by default, or with a `fetch`. */
  sender: Sender;
  lifecycle: ClientLifecycle;
  /** The only origin the API key may be sent to (the `baseUrl`'s). */
  keyOrigin: string;
  retry: RetryPolicy;
  timeoutMs: number;
  deadlineMs: number;
  budget: RetryBudget | undefined;
  maxResponseBytes: number;
  maxErrorBodyBytes: number;
  clock: Clock;
  random: () => number;
  createRequestId: () => string;
  /** Receives what happens (logger, hooks, OpenTelemetry); undefined when nothing observes. */
  observer: TransportObserver | undefined;
}

/** Per-call overrides. */
export interface CallSettings {
  retry?: RetryPolicy | undefined;
  timeoutMs?: number | undefined;
  deadlineMs?: number | undefined;
}

/** One logical request, as the client hands it to the transport. */
export interface TransportRequest {
  method: string;
  url: string;
  /** Lower-case names; the API key included. */
  headers: Record<string, string>;
  body: Bytes | undefined;
  signal: AbortSignal | undefined;
  /** The spec's path template, for telemetry. */
  urlTemplate: string | undefined;
}

/** The final answer of a call: the last attempt's response, bytes in memory. */
export interface TransportResult {
  sent: AttemptResponse;
  attempts: number;
  clientRequestId: string;
}

/**
 * Sends a request with timeouts, retries and a deadline. Each attempt reads the whole body (bounded)
 * before it ends, so `timeoutMs` covers headers and body, and a body that breaks mid-way is retried
 * like any connection failure. Resolves with the last response (any status); whatever the server
 * sends, it rejects only with errors of this package.
 */
export async function sendRequest(
  settings: TransportSettings,
  call: CallSettings,
  request: TransportRequest,
): Promise<TransportResult> {
  settings.lifecycle.enter(request.method, request.url);
  try {
    return await send(settings, call, request);
  } finally {
    settings.lifecycle.leave();
  }
}

async function send(
  settings: TransportSettings,
  call: CallSettings,
  request: TransportRequest,
): Promise<TransportResult> {
  const { clock, observer } = settings;
  const policy = call.retry ?? settings.retry;
  const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
  const deadlineMs = call.deadlineMs ?? settings.deadlineMs;
  const deadlineAt = clock.now() + deadlineMs;
  const maxRetries = RETRYABLE_METHODS.has(request.method) ? policy.maxRetries : 0;
  const clientRequestId = settings.createRequestId();
  const callerSignal = request.signal;
  const { headers: baseHeaders, body } = request;
  const details = (attempts: number, cause?: unknown) => ({
    method: request.method,
    url: request.url,
    clientRequestId,
    attempts,
    cause,
  });
  // The auth middleware checked the URL it saw; a middleware registered after it may have changed it.
  if (baseHeaders[API_KEY_HEADER] !== undefined)
    refuseKeyToOtherOrigin(request.method, request.url, settings.keyOrigin);
  const observed: ObservedCall | undefined = observer && {
    method: request.method,
    url: request.url,
    urlTemplate: request.urlTemplate,
    clientRequestId,
  };
  if (observed) observer?.callStart?.(observed);
  let attempts = 0;
  let ended: CallSummary | undefined;
  try {
    for (let attempt = 1; ; attempt += 1) {
      if (callerSignal?.aborted) throw abortError(callerSignal.reason, details(attempt - 1, callerSignal.reason));
      const remaining = deadlineAt - clock.now();
      if (remaining <= 0)
        throw new HyperbrowserTimeoutError(
          `${request.method} ${request.url}: deadline of ${deadlineMs} ms exceeded`,
          details(attempt - 1),
        );
      attempts = attempt;

      const headers = {
        ...baseHeaders,
        [CLIENT_REQUEST_ID_HEADER]: clientRequestId,
        [CLIENT_ATTEMPT_HEADER]: String(attempt),
      };
      if (observed) observer?.attemptStart?.(observed, attempt, headers);
      const started = clock.now();
      const attemptTimeout = Math.min(timeoutMs, remaining);
      const virtualTimeout = clock.setTimer
        ? armVirtualTimeout(clock.setTimer.bind(clock), attemptTimeout, callerSignal)
        : undefined;
      const sendAttempt = () =>
        attemptOnce(
          settings.sender,
          { url: request.url, method: request.method, headers, body },
          {
            timeoutMs: attemptTimeout,
            byDeadline: attemptTimeout < timeoutMs,
            signal: virtualTimeout?.signal ?? callerSignal,
            maxResponseBytes: settings.maxResponseBytes,
            maxErrorBodyBytes: settings.maxErrorBodyBytes,
          },
        );
      const outcome =
        observed && observer?.runAttempt
          ? await observer.runAttempt(observed, attempt, sendAttempt)
          : await sendAttempt();
      virtualTimeout?.cancel();
      if (observed) observer?.attemptEnd?.(observed, summarizeAttempt(outcome, attempt, clock.now() - started));

      if (outcome.kind === "aborted") throw abortError(outcome.reason, details(attempt, outcome.reason));
      const retryable = isRetryable(outcome);
      if (retryable) settings.budget?.recordFailure();
      else if (outcome.kind === "response") settings.budget?.recordSuccess();

      const giveUp = (reason: GiveUpReason | undefined, detail: string): TransportResult => {
        if (reason && observed)
          observer?.giveUp?.(observed, { attempts: attempt, reason, detail, cause: describeOutcome(outcome) });
        if (outcome.kind !== "response")
          throw outcomeError(
            outcome,
            details(attempt, outcome.kind === "network" ? outcome.error : undefined),
            deadlineMs,
          );
        const { status } = outcome.sent;
        ended = { attempts: attempt, status, errorType: status >= 400 ? String(status) : undefined };
        return { sent: outcome.sent, attempts: attempt, clientRequestId };
      };
      if (!retryable) return giveUp(undefined, "not retryable");
      if (attempt > maxRetries) return giveUp("retries-exhausted", `${maxRetries} retries used`);
      if (settings.budget && !settings.budget.allowsRetry())
        return giveUp("budget-exhausted", "retry budget exhausted");
      const responseHeaders = outcome.kind === "response" ? outcome.sent.headers : undefined;
      const wait = retryDelay(attempt, policy, responseHeaders, clock.wallTime(), settings.random());
      if (wait === undefined)
        return giveUp("retry-after-too-long", `server asked to wait longer than ${policy.maxRetryAfterMs} ms`);
      if (clock.now() + wait.ms >= deadlineAt)
        return giveUp("deadline", `a ${Math.round(wait.ms)} ms wait would pass the deadline`);

      if (observed)
        observer?.retry?.(observed, {
          attempt,
          delayMs: wait.ms,
          reason: wait.reason,
          cause: describeOutcome(outcome),
        });
      try {
        await clock.sleep(wait.ms, callerSignal);
      } catch (reason) {
        throw abortError(reason, details(attempt, reason));
      }
    }
  } catch (error) {
    ended = { attempts, status: undefined, errorType: (error as Error)?.name ?? "Error" };
    throw error;
  } finally {
    if (observed) observer?.callEnd?.(observed, ended ?? { attempts, status: undefined, errorType: undefined });
  }
}

/** How an attempt ended, in the terms observers use. */
function summarizeAttempt(outcome: AttemptOutcome, attempt: number, durationMs: number): AttemptSummary {
  if (outcome.kind === "response") {
    const { status, headers } = outcome.sent;
    const summary: AttemptSummary = {
      attempt,
      durationMs,
      status,
      errorType: status >= 400 ? String(status) : undefined,
      requestId: serverRequestId(headers),
      description: describeOutcome(outcome),
    };
    const deprecation = readDeprecationNotice(headers);
    if (deprecation) summary.deprecation = deprecation;
    return summary;
  }
  return {
    attempt,
    durationMs,
    status: undefined,
    errorType: ERROR_CLASS_BY_OUTCOME[outcome.kind].name,
    requestId: undefined,
    description: describeOutcome(outcome),
  };
}

// The class each outcome becomes when it is the last (see `outcomeError`); observers get its name.
const ERROR_CLASS_BY_OUTCOME = {
  timeout: HyperbrowserTimeoutError,
  network: HyperbrowserConnectionError,
  invalid: HyperbrowserInvalidResponseError,
  oversized: HyperbrowserInvalidResponseError,
  aborted: HyperbrowserAbortError,
} satisfies Record<Exclude<AttemptOutcome["kind"], "response">, typeof HyperbrowserError>;

/**
 * An attempt timeout on a clock with its own timers (a test's virtual clock): a signal that aborts
 * with `AttemptTimeoutError` when the clock reaches the limit, or with the caller's reason.
 */
function armVirtualTimeout(
  setTimer: NonNullable<Clock["setTimer"]>,
  ms: number,
  callerSignal: AbortSignal | undefined,
) {
  const controller = new AbortController();
  const cancel = setTimer(ms, () => controller.abort(new AttemptTimeoutError()));
  return { signal: callerSignal ? AbortSignal.any([callerSignal, controller.signal]) : controller.signal, cancel };
}

function isRetryable(outcome: Exclude<AttemptOutcome, { kind: "aborted" }>): boolean {
  switch (outcome.kind) {
    case "response":
      return RETRYABLE_STATUSES.has(outcome.sent.status);
    case "timeout":
      return true;
    case "network":
      return outcome.failure.kind === "transient";
    case "invalid":
    case "oversized":
      return false;
  }
}

function abortError(
  reason: unknown,
  details: { method: string; url: string; clientRequestId: string; attempts: number; cause?: unknown },
): HyperbrowserAbortError {
  return new HyperbrowserAbortError(`${details.method} ${details.url}: aborted by the caller's signal`, {
    ...details,
    cause: reason,
  });
}
