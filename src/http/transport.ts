import type { Clock } from "../retry/clock.js";
import {
  HyperbrowserAbortError,
  HyperbrowserConnectionError,
  HyperbrowserInvalidResponseError,
  HyperbrowserTimeoutError,
} from "../errors/errors.js";
import type { HyperbrowserLogger } from "../logging/logger.js";
import { createBufferedResponse } from "./buffered-response.js";
import { LightRequest } from "./light-request.js";
import { AttemptAbortedError, AttemptTimeoutError, type OutgoingRequest, type SendAttempt } from "./send-attempt.js";
import { redactHeaders } from "../logging/redact.js";
import { RETRYABLE_STATUSES, retryDelay, type RetryPolicy } from "../retry/retry-policy.js";
import type { RetryBudget } from "../retry/retry-budget.js";
import { serverRequestId, setResponseMeta } from "./response-meta.js";

/** Header carrying the client's correlation id, the same on every attempt of one call. */
export const CLIENT_REQUEST_ID_HEADER = "x-client-request-id";
/** Header carrying the attempt number, from 1. */
export const CLIENT_ATTEMPT_HEADER = "x-client-attempt";

const encoder = new TextEncoder();

/** Methods the transport retries: safe ones, where a second attempt cannot do anything twice. */
const RETRYABLE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Everything the transport needs, resolved. */
export interface TransportSettings {
  /** Sends one attempt: over `node:http` by default, or with a `fetch`. */
  send: SendAttempt;
  retry: RetryPolicy;
  timeoutMs: number;
  deadlineMs: number | undefined;
  budget: RetryBudget | undefined;
  maxResponseBytes: number;
  maxErrorBodyBytes: number;
  clock: Clock;
  random: () => number;
  createRequestId: () => string;
  logger: HyperbrowserLogger | undefined;
}

/** Per-call overrides. */
export interface CallSettings {
  retry?: RetryPolicy | undefined;
  timeoutMs?: number | undefined;
  deadlineMs?: number | undefined;
}

interface CallDetails {
  method: string;
  url: string;
  clientRequestId: string;
  attempts: number;
  cause?: unknown;
}

type AttemptOutcome =
  | { kind: "response"; response: Response }
  | { kind: "oversized"; response: Response; limit: number }
  | { kind: "network"; error: unknown }
  | { kind: "timeout"; byDeadline: boolean; timeoutMs: number }
  | { kind: "aborted"; reason: unknown };

/**
 * Builds a `fetch` for openapi-fetch that sends with timeouts, retries and a deadline. Each attempt
 * reads the whole body (bounded) before it ends, so `timeoutMs` covers headers and body, and a body
 * that breaks mid-way is retried like any connection failure. Responses are `BufferedResponse`s.
 */
export function createTransportFetch(settings: TransportSettings, call: CallSettings = {}): typeof globalThis.fetch {
  return (async (input: LightRequest | Request | string | URL, init?: RequestInit) => {
    const request = input instanceof LightRequest && init === undefined ? input : new LightRequest(String(input instanceof LightRequest ? input.url : input), init);
    return send(settings, call, request);
  }) as typeof globalThis.fetch;
}

async function send(settings: TransportSettings, call: CallSettings, request: LightRequest | Request): Promise<Response> {
  const { clock, logger } = settings;
  const policy = call.retry ?? settings.retry;
  const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
  const deadlineMs = call.deadlineMs ?? settings.deadlineMs;
  const deadlineAt = deadlineMs === undefined ? Number.POSITIVE_INFINITY : clock.now() + deadlineMs;
  const maxRetries = RETRYABLE_METHODS.has(request.method) ? policy.maxRetries : 0;
  const clientRequestId = settings.createRequestId();
  const callerSignal = request.signal ?? undefined;
  const { headers: baseHeaders, body } = await outgoingParts(request);
  const details = (attempts: number, cause?: unknown): CallDetails => ({ method: request.method, url: request.url, clientRequestId, attempts, cause });

  for (let attempt = 1; ; attempt += 1) {
    if (callerSignal?.aborted) throw abortError(callerSignal.reason, details(attempt - 1, callerSignal.reason));
    const remaining = deadlineAt - clock.now();
    if (remaining <= 0) throw new HyperbrowserTimeoutError(`${request.method} ${request.url}: deadline of ${deadlineMs} ms exceeded`, details(attempt - 1));

    const headers = { ...baseHeaders, [CLIENT_REQUEST_ID_HEADER]: clientRequestId, [CLIENT_ATTEMPT_HEADER]: String(attempt) };
    logger?.debug("hyperbrowser: request", { method: request.method, url: request.url, attempt, clientRequestId, headers: redactHeaders(headers) });
    const started = clock.now();
    const attemptTimeout = Math.min(timeoutMs, remaining);
    const outcome = await attemptOnce(settings, { url: request.url, method: request.method, headers, body }, {
      timeoutMs: attemptTimeout,
      byDeadline: attemptTimeout < timeoutMs,
      signal: callerSignal,
    });

    if (outcome.kind === "aborted") throw abortError(outcome.reason, details(attempt, outcome.reason));
    if (outcome.kind === "oversized") {
      throw new HyperbrowserInvalidResponseError(`${request.method} ${request.url}: response body is larger than ${outcome.limit} bytes`, {
        ...details(attempt),
        status: outcome.response.status,
        headers: outcome.response.headers,
        requestId: serverRequestId(outcome.response.headers),
      });
    }
    const retryable = outcome.kind !== "response" || RETRYABLE_STATUSES.has(outcome.response.status);
    if (retryable) settings.budget?.recordFailure();
    else settings.budget?.recordSuccess();

    if (outcome.kind === "response") {
      const { response } = outcome;
      const requestId = serverRequestId(response.headers);
      logger?.debug("hyperbrowser: response", { status: response.status, attempt, clientRequestId, requestId, durationMs: Math.round(clock.now() - started) });
      setResponseMeta(response, { url: request.url, attempts: attempt, clientRequestId });
    }

    const giveUp = (why: string) => {
      if (retryable) logger?.warn("hyperbrowser: giving up", { attempts: attempt, clientRequestId, why, outcome: describe(outcome) });
      return finalOutcome(outcome, request.method, request.url, deadlineMs, details(attempt, outcome.kind === "network" ? outcome.error : undefined));
    };
    if (!retryable) return giveUp("not retryable");
    if (attempt > maxRetries) return giveUp(`${maxRetries} retries used`);
    if (settings.budget && !settings.budget.allowsRetry()) return giveUp("retry budget exhausted");
    const responseHeaders = outcome.kind === "response" ? outcome.response.headers : undefined;
    const delay = retryDelay(attempt, policy, responseHeaders, clock.wallTime(), settings.random());
    if (delay === undefined) return giveUp(`server asked to wait longer than ${policy.maxRetryAfterMs} ms`);
    if (clock.now() + delay >= deadlineAt) return giveUp(`a ${Math.round(delay)} ms wait would pass the deadline`);

    logger?.info("hyperbrowser: retrying", { attempt, clientRequestId, delayMs: Math.round(delay), outcome: describe(outcome) });
    try {
      await clock.sleep(delay, callerSignal);
    } catch (reason) {
      throw abortError(reason, details(attempt, reason));
    }
  }
}

/** Headers as a plain object (names lower-cased) and the body as bytes, once per call. */
async function outgoingParts(request: LightRequest | Request): Promise<{ headers: Record<string, string>; body: Uint8Array<ArrayBuffer> | undefined }> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (request.body === null || request.body === undefined) return { headers, body: undefined };
  if (typeof request.body === "string") return { headers, body: encoder.encode(request.body) };
  // FormData, URLSearchParams, Blob, streams: let a real Request encode them (and set the content type).
  const encoded = new Request(request.url, { method: request.method, headers: request.headers, body: request.body as BodyInit, duplex: "half" } as RequestInit);
  encoded.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { headers, body: new Uint8Array(await encoded.arrayBuffer()) };
}

async function attemptOnce(
  settings: TransportSettings,
  request: OutgoingRequest,
  limits: { timeoutMs: number; byDeadline: boolean; signal: AbortSignal | undefined },
): Promise<AttemptOutcome> {
  try {
    const sent = await settings.send(request, {
      timeoutMs: limits.timeoutMs,
      signal: limits.signal,
      maxOkBytes: settings.maxResponseBytes,
      maxErrorBytes: settings.maxErrorBodyBytes,
    });
    const ok = sent.status >= 200 && sent.status < 300;
    // A cut body no longer has the length the server announced.
    if (sent.truncated) sent.headers.set("content-length", String(sent.bytes.byteLength));
    const response = createBufferedResponse(sent.bytes, { status: sent.status, statusText: sent.statusText, headers: sent.headers }, request.url);
    // A cut error body still says enough for a message; a cut 2xx body is useless.
    if (sent.truncated && ok) return { kind: "oversized", response, limit: settings.maxResponseBytes };
    return { kind: "response", response };
  } catch (error) {
    if (error instanceof AttemptAbortedError || limits.signal?.aborted) return { kind: "aborted", reason: limits.signal?.reason };
    if (error instanceof AttemptTimeoutError) return { kind: "timeout", byDeadline: limits.byDeadline, timeoutMs: limits.timeoutMs };
    return { kind: "network", error };
  }
}

function finalOutcome(
  outcome: Exclude<AttemptOutcome, { kind: "aborted" | "oversized" }>,
  method: string,
  url: string,
  deadlineMs: number | undefined,
  details: CallDetails,
): Response {
  switch (outcome.kind) {
    case "response":
      return outcome.response;
    case "timeout":
      throw new HyperbrowserTimeoutError(
        outcome.byDeadline
          ? `${method} ${url}: deadline of ${deadlineMs} ms exceeded`
          : `${method} ${url}: no complete response within ${outcome.timeoutMs} ms`,
        details,
      );
    case "network":
      throw new HyperbrowserConnectionError(`${method} ${url}: ${networkErrorText(outcome.error)}`, details);
  }
}

function abortError(reason: unknown, details: CallDetails): HyperbrowserAbortError {
  return new HyperbrowserAbortError(`${details.method} ${details.url}: aborted by the caller's signal`, { ...details, cause: reason });
}

/** The most specific text of a network failure: undici hides the system error (ECONNREFUSED…) in `cause`. */
function networkErrorText(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.message === "string") return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function describe(outcome: AttemptOutcome): string {
  switch (outcome.kind) {
    case "response":
      return `status ${outcome.response.status}`;
    case "timeout":
      return `timeout after ${outcome.timeoutMs} ms`;
    case "network":
      return `connection error: ${networkErrorText(outcome.error)}`;
    case "oversized":
      return `body over ${outcome.limit} bytes`;
    case "aborted":
      return "aborted";
  }
}
