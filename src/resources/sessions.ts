import type { Client } from "openapi-fetch";
import { createApiError } from "../errors/api-error-factory.js";
import {
  HyperbrowserConnectionError,
  HyperbrowserError,
  HyperbrowserInvalidResponseError,
  type HyperbrowserErrorDetails,
} from "../errors/errors.js";
import { bufferedAnswerOf } from "../http/buffered-response.js";
import type { CallOptions } from "../http/call-options.js";
import { API_KEY_HEADER } from "../http/key-origin.js";
import { fetchHeaders, serverRequestId } from "../http/response-headers.js";
import type { CallSettings } from "../http/transport.js";
import { checkHeaders, checkMilliseconds } from "../internal/checks.js";
import { withUserAgent } from "../internal/user-agent.js";
import { guardLogger } from "../logging/guard-logger.js";
import type { HyperbrowserLogger } from "../logging/logger.js";
import { rememberToken } from "../internal/known-secrets.js";
import { bodySnippet, redactText } from "../internal/redact.js";
import { normalizeRetryOptions, type RetryPolicy } from "../retry/retry-policy.js";
import type { TransportObserver } from "../http/observer.js";
import type { paths, SessionDetail } from "../types.js";
import { parseErrorBody, parseJsonObjectBody, type ReceivedResponse } from "./response-body.js";
import {
  describeViolations,
  findViolations,
  responseValidator,
  type ValidateResponsesMode,
} from "./response-validation.js";

/** Per-call options of `sessions.get`. */
export interface GetSessionOptions extends CallOptions {
  /** Aborts the call at once, retries included; the promise rejects with `HyperbrowserAbortError`. */
  signal?: AbortSignal | undefined;
  /**
   * Extra headers for this call (over the client's). They cannot set `x-api-key`; a `user-agent` goes in
   * front of the client's own. Checked like the client's: a bad one is a `TypeError`, and nothing is sent.
   */
  headers?: Record<string, string> | undefined;
}

/** The `sessions` part of the client. */
export interface SessionsResource {
  /**
   * Looks up a session by id (`GET /api/session/{id}`). Rejects only with errors of this package.
   * @throws {HyperbrowserInvalidArgumentError} when the id cannot be sent as one path segment (nothing is sent)
   * @throws {HyperbrowserNotFoundError} when no session has this id
   * @throws {HyperbrowserApiError} for any other non-2xx status (a subclass for 3xx, 401, 403, 409, 422, 429, 5xx)
   * @throws {HyperbrowserInvalidResponseError} for an answer that is not HTTP, or a 2xx whose body is not a JSON object
   * @throws {HyperbrowserConnectionError} {HyperbrowserTimeoutError} {HyperbrowserAbortError}
   *   {HyperbrowserClientClosedError}
   */
  get(id: string, options?: GetSessionOptions): Promise<SessionDetail>;
}

const SESSION_PATH = "/api/session/{id}";
const OPERATION_KEY = `GET ${SESSION_PATH}`;
const decoder = new TextDecoder();

/** What the resource needs besides the openapi-fetch client. */
export interface SessionsContext {
  validateResponses: ValidateResponsesMode;
  logger: HyperbrowserLogger | undefined;
  observer: TransportObserver | undefined;
  /** The client's `user-agent`, which a per-call one extends. */
  userAgent: string;
  /** The client's retry policy, which a per-call `maxRetries` changes. */
  retry: RetryPolicy;
  /** The client's transport as a `fetch` with one call's overrides (openapi-fetch's per-request `fetch`). */
  fetchWith: (call: CallSettings) => typeof globalThis.fetch;
}

/** What `sessions.get` reads of an answer: status, headers and the body's text. */
type ReadableAnswer = ReceivedResponse & { statusText: string };

/**
 * Binds `sessions.*` to the client: each call goes through `raw.GET`, so the auth middleware and any
 * middleware of the caller's see it, like any other request of `client.raw`.
 */
export function createSessionsResource(raw: Client<paths>, context: SessionsContext): SessionsResource {
  return {
    async get(id, options = {}) {
      const headers = options.headers === undefined ? undefined : callHeaders(options.headers, context.userAgent);
      const call = callSettings(options, context.retry);
      let result: { data?: unknown; error?: unknown; response: Response };
      try {
        // parseAs "text": this module parses the body itself, so a bad body becomes a typed error.
        result = await raw.GET(SESSION_PATH, {
          params: { path: { id } },
          parseAs: "text",
          ...(options.signal ? { signal: options.signal } : {}),
          ...(call ? { fetch: context.fetchWith(call) } : {}),
          ...(headers ? { headers } : {}),
        });
      } catch (error) {
        if (error instanceof HyperbrowserError) throw error;
        throw new HyperbrowserConnectionError(`GET ${SESSION_PATH}: ${(error as Error)?.message ?? String(error)}`, {
          method: "GET",
          cause: error,
        });
      }
      const { response, data, error } = result;
      const answer = bufferedAnswerOf(response);
      if (answer) {
        const { sent, call: made } = answer;
        // openapi-fetch has decoded a 2xx body (parseAs "text") and parsed an error body: quote the bytes.
        const text = response.ok ? (typeof data === "string" ? data : "") : decoder.decode(sent.bytes);
        return readSession(sent, text, made, context);
      }
      // A response a middleware of the caller's made: only what a Response says.
      const text =
        typeof data === "string"
          ? data
          : typeof error === "string"
            ? error
            : error === undefined
              ? ""
              : JSON.stringify(error);
      const received = {
        status: response.status,
        statusText: response.statusText,
        headers: fetchHeaders(response.headers),
      };
      return readSession(
        received,
        text,
        { method: "GET", url: response.url || undefined, attempts: 1, clientRequestId: undefined },
        context,
      );
    },
  };
}

/** Per-call time limits and retries, checked; undefined when the call changes none. */
function callSettings(options: GetSessionOptions, retry: RetryPolicy): CallSettings | undefined {
  if (options.maxRetries === undefined && options.timeoutMs === undefined && options.deadlineMs === undefined)
    return undefined;
  return {
    retry:
      options.maxRetries === undefined
        ? undefined
        : normalizeRetryOptions({ maxRetries: options.maxRetries }, retry, "sessions.get"),
    timeoutMs: checkMilliseconds("sessions.get", "timeoutMs", options.timeoutMs),
    deadlineMs: checkMilliseconds("sessions.get", "deadlineMs", options.deadlineMs),
  };
}

/** Per-call headers, checked, with a `user-agent` put in front of the client's. */
function callHeaders(headers: Record<string, string>, userAgent: string): Record<string, string> {
  const checked = checkHeaders("sessions.get: `headers`", headers, API_KEY_HEADER);
  return Object.keys(checked).some((name) => name.toLowerCase() === "user-agent")
    ? withUserAgent(checked, userAgent)
    : checked;
}

/** The session from a 2xx, or the error for anything else; whatever the body holds, an error of this package. */
async function readSession(
  received: ReadableAnswer,
  text: string,
  call: { method: string; url: string | undefined; attempts: number; clientRequestId: string | undefined },
  context: SessionsContext,
): Promise<SessionDetail> {
  // The server's request id is looked up only when an error needs it.
  const details: HyperbrowserErrorDetails = call;
  try {
    if (received.status < 200 || received.status >= 300) {
      throw createApiError(
        {
          ...details,
          requestId: serverRequestId(received.headers),
          status: received.status,
          headers: received.headers.toHeaders(),
          body: parseErrorBody(text),
          bodySnippet: bodySnippet(text),
        },
        received.statusText,
      );
    }
    const body = parseJsonObjectBody(text, received, details);
    // Known from now on: an echo of it in a later error body or log line is redacted too.
    rememberToken(body["token"]);
    if (context.validateResponses !== "off") await checkAgainstSpec(body, received, details, context);
    return body;
  } catch (error) {
    if (error instanceof HyperbrowserError) throw error;
    throw new HyperbrowserInvalidResponseError(
      `Invalid response to GET ${details.url ?? SESSION_PATH}: ${(error as Error)?.message ?? String(error)}`,
      {
        ...details,
        requestId: serverRequestId(received.headers),
        status: received.status,
        cause: error,
      },
    );
  }
}

async function checkAgainstSpec(
  body: unknown,
  received: ReceivedResponse,
  details: HyperbrowserErrorDetails,
  context: SessionsContext,
): Promise<void> {
  const validate = await responseValidator(OPERATION_KEY, received.status);
  if (!validate) return;
  const { violations, total } = findViolations(validate, body);
  if (total === 0) return;
  context.observer?.validationFailed?.(OPERATION_KEY);
  const summary = `${OPERATION_KEY} ${received.status} body breaks the spec: ${describeViolations(violations, total)}`;
  const requestId = serverRequestId(received.headers);
  if (context.validateResponses === "throw") {
    throw new HyperbrowserInvalidResponseError(summary, {
      ...details,
      requestId,
      status: received.status,
      headers: received.headers.toHeaders(),
      violations,
    });
  }
  guardLogger(context.logger ?? console).warn(redactText(`hyperbrowser: ${summary}`), {
    url: details.url && redactText(details.url),
    requestId,
    violations: violations.map((violation) => ({
      path: redactText(violation.path),
      message: redactText(violation.message),
    })),
  });
}
