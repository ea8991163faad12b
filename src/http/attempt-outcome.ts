import {
  HyperbrowserConnectionError,
  HyperbrowserInvalidResponseError,
  HyperbrowserTimeoutError,
  type HyperbrowserErrorDetails,
} from "../errors/errors.js";
import { bodySnippet } from "../internal/redact.js";
import { classifyNetworkError, type NetworkFailure } from "./network-errors.js";
import { serverRequestId, type ResponseHeaders } from "./response-headers.js";
import {
  AttemptAbortedError,
  AttemptTimeoutError,
  RedirectFollowedError,
  type AttemptResponse,
  type OutgoingRequest,
  type Sender,
} from "./sender.js";

/** How one attempt ended. */
export type AttemptOutcome =
  | { kind: "response"; sent: AttemptResponse }
  | { kind: "oversized"; sent: AttemptResponse; limit: number }
  | { kind: "network"; error: unknown; failure: NetworkFailure }
  | { kind: "invalid"; problem: string; status: number; headers: ResponseHeaders | undefined; cause: unknown }
  | { kind: "timeout"; byDeadline: boolean; timeoutMs: number }
  | { kind: "aborted"; reason: unknown };

/** The limits of one attempt. */
export interface AttemptLimits {
  timeoutMs: number;
  /** True when the call's deadline, not `timeoutMs`, set this attempt's time. */
  byDeadline: boolean;
  signal: AbortSignal | undefined;
  maxResponseBytes: number;
  maxErrorBodyBytes: number;
}

// What a reason phrase may hold (RFC 9110: HTAB, SP, VCHAR, obs-text); `Response` refuses anything else.
const REASON_PHRASE_JUNK_RE = /[^\t\x20-\x7e\x80-\xff]/;
const REASON_PHRASE_JUNK_ALL_RE = new RegExp(REASON_PHRASE_JUNK_RE.source, "g");

/** Sends one attempt and says how it ended; never throws. */
export async function attemptOnce(
  sender: Sender,
  request: OutgoingRequest,
  limits: AttemptLimits,
): Promise<AttemptOutcome> {
  let sent;
  try {
    sent = await sender.send(request, {
      timeoutMs: limits.timeoutMs,
      signal: limits.signal,
      maxOkBytes: limits.maxResponseBytes,
      maxErrorBytes: limits.maxErrorBodyBytes,
    });
  } catch (error) {
    const reason: unknown = limits.signal?.aborted
      ? limits.signal.reason
      : error instanceof AttemptAbortedError
        ? error.reason
        : undefined;
    // A virtual clock's attempt timeout arrives as an abort whose reason is the timeout.
    if (error instanceof AttemptTimeoutError || reason instanceof AttemptTimeoutError)
      return { kind: "timeout", byDeadline: limits.byDeadline, timeoutMs: limits.timeoutMs };
    if (error instanceof AttemptAbortedError || limits.signal?.aborted) return { kind: "aborted", reason };
    if (error instanceof RedirectFollowedError)
      return { kind: "invalid", problem: error.message, status: 0, headers: undefined, cause: error };
    const failure = classifyNetworkError(error);
    if (failure.kind === "protocol") {
      return {
        kind: "invalid",
        problem: `the server's answer is not valid HTTP (${failure.code}: ${failure.text})`,
        status: 0,
        headers: undefined,
        cause: error,
      };
    }
    return { kind: "network", error, failure };
  }
  // Statuses outside 200–599 (0, 099, 1xx as a final answer, 600+) mean nothing to HTTP or the spec.
  if (!(sent.status >= 200 && sent.status <= 599)) {
    return {
      kind: "invalid",
      problem: `the server answered with status ${sent.status}, outside 200–599`,
      status: sent.status,
      headers: sent.headers,
      cause: undefined,
    };
  }
  const answer = REASON_PHRASE_JUNK_RE.test(sent.statusText)
    ? { ...sent, statusText: sent.statusText.replace(REASON_PHRASE_JUNK_ALL_RE, "") }
    : sent;
  // A cut error body still says enough for a message; a cut 2xx body is useless.
  if (sent.truncated && sent.status < 300) return { kind: "oversized", sent: answer, limit: limits.maxResponseBytes };
  return { kind: "response", sent: answer };
}

/** The error a final outcome other than a response becomes. */
export function outcomeError(
  outcome: Exclude<AttemptOutcome, { kind: "response" | "aborted" }>,
  details: HyperbrowserErrorDetails & { method: string; url: string },
  deadlineMs: number | undefined,
): Error {
  const { method, url } = details;
  switch (outcome.kind) {
    case "timeout":
      return new HyperbrowserTimeoutError(
        outcome.byDeadline
          ? `${method} ${url}: deadline of ${deadlineMs} ms exceeded`
          : `${method} ${url}: no complete response within ${outcome.timeoutMs} ms`,
        details,
      );
    case "network":
      return new HyperbrowserConnectionError(`${method} ${url}: ${outcome.failure.text}`, {
        ...details,
        cause: outcome.error,
        code: outcome.failure.code,
      });
    case "invalid":
      return new HyperbrowserInvalidResponseError(`Invalid response to ${method} ${url}: ${outcome.problem}`, {
        ...details,
        cause: outcome.cause,
        status: outcome.status,
        headers: outcome.headers?.toHeaders(),
        requestId: outcome.headers ? serverRequestId(outcome.headers) : undefined,
      });
    case "oversized":
      return new HyperbrowserInvalidResponseError(
        `${method} ${url}: response body is larger than ${outcome.limit} bytes`,
        {
          ...details,
          status: outcome.sent.status,
          headers: outcome.sent.headers.toHeaders(),
          requestId: serverRequestId(outcome.sent.headers),
        },
      );
  }
}

/** One line for logs. */
export function describeOutcome(outcome: AttemptOutcome): string {
  switch (outcome.kind) {
    case "response":
      return `status ${outcome.sent.status}`;
    case "timeout":
      return `timeout after ${outcome.timeoutMs} ms`;
    case "network":
      return `connection error: ${outcome.failure.text}`;
    case "invalid":
      return `invalid response: ${bodySnippet(outcome.problem)}`;
    case "oversized":
      return `body over ${outcome.limit} bytes`;
    case "aborted":
      return "aborted";
  }
}
