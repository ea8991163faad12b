import type { Client } from "openapi-fetch";
import type { CallOptions } from "../client-options.js";
import { createApiError } from "../errors/api-error-factory.js";
import { HyperbrowserConnectionError, HyperbrowserError, HyperbrowserInvalidResponseError, type HyperbrowserErrorDetails } from "../errors/errors.js";
import { getResponseMeta, serverRequestId } from "../http/response-meta.js";
import { createTransportFetch, type TransportSettings } from "../http/transport.js";
import { checkHeaders, checkMilliseconds } from "../internal/checks.js";
import { withUserAgent } from "../internal/user-agent.js";
import type { HyperbrowserLogger } from "../logging/logger.js";
import { bodySnippet } from "../logging/redact.js";
import { normalizeRetryOptions } from "../retry/retry-policy.js";
import type { TransportObserver } from "../telemetry/observer.js";
import type { paths, SessionDetail } from "../types.js";
import { parseErrorBody, parseJsonObjectBody } from "./response-body.js";
import { describeViolations, findViolations, responseValidator, type ValidateResponsesMode } from "./response-validation.js";

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
   * @throws {HyperbrowserConnectionError} {HyperbrowserTimeoutError} {HyperbrowserAbortError} {HyperbrowserClientClosedError}
   */
  get(id: string, options?: GetSessionOptions): Promise<SessionDetail>;
}

const SESSION_PATH = "/api/session/{id}";
const OPERATION_KEY = `GET ${SESSION_PATH}`;
const decoder = new TextDecoder();

/** What the resource needs besides the openapi-fetch client. */
export interface SessionsContext {
  transport: TransportSettings;
  validateResponses: ValidateResponsesMode;
  logger: HyperbrowserLogger | undefined;
  observer: TransportObserver | undefined;
  /** The client's `user-agent`, which a per-call one extends. */
  userAgent: string;
}

/** Binds `sessions.*` to an authenticated openapi-fetch client and its transport. */
export function createSessionsResource(raw: Client<paths>, context: SessionsContext): SessionsResource {
  const { transport, validateResponses, logger, observer } = context;
  return {
    async get(id, options = {}) {
      const headers = options.headers === undefined ? undefined : callHeaders(options.headers, context);
      const callFetch =
        options.maxRetries === undefined && options.timeoutMs === undefined && options.deadlineMs === undefined
          ? undefined
          : createTransportFetch(transport, {
              retry: options.maxRetries === undefined ? undefined : normalizeRetryOptions({ maxRetries: options.maxRetries }, transport.retry),
              timeoutMs: checkMilliseconds("timeoutMs", options.timeoutMs),
              deadlineMs: checkMilliseconds("deadlineMs", options.deadlineMs),
            });
      let result: { data?: unknown; error?: unknown; response: Response };
      try {
        // parseAs "text": this module parses the body itself, so a bad body becomes a typed error.
        result = await raw.GET(SESSION_PATH, {
          params: { path: { id } },
          parseAs: "text",
          ...(options.signal ? { signal: options.signal } : {}),
          ...(callFetch ? { fetch: callFetch } : {}),
          ...(headers ? { headers } : {}),
        });
      } catch (error) {
        if (error instanceof HyperbrowserError) throw error;
        throw new HyperbrowserConnectionError(`GET ${SESSION_PATH}: ${(error as Error)?.message ?? String(error)}`, { method: "GET", cause: error });
      }
      try {
        return await readSession(result, validateResponses, logger, observer);
      } catch (error) {
        // Whatever the body holds, the caller gets an error of this package.
        if (error instanceof HyperbrowserError) throw error;
        const meta = getResponseMeta(result.response);
        throw new HyperbrowserInvalidResponseError(`Invalid response to GET ${meta?.url ?? SESSION_PATH}: ${(error as Error)?.message ?? String(error)}`, {
          method: "GET",
          url: meta?.url,
          status: result.response.status,
          cause: error,
        });
      }
    },
  };
}

/** Per-call headers, checked, with a `user-agent` put in front of the client's. */
function callHeaders(headers: Record<string, string>, context: SessionsContext): Record<string, string> {
  const checked = checkHeaders("sessions.get: `headers`", headers, context.transport.keyHeader);
  return Object.keys(checked).some((name) => name.toLowerCase() === "user-agent") ? withUserAgent(checked, context.userAgent) : checked;
}

async function readSession(
  result: { data?: unknown; error?: unknown; response: Response },
  validateResponses: ValidateResponsesMode,
  logger: HyperbrowserLogger | undefined,
  observer: TransportObserver | undefined,
): Promise<SessionDetail> {
  const { response } = result;
  const meta = getResponseMeta(response);
  const details = {
    method: "GET",
    url: meta?.url,
    attempts: meta?.attempts ?? 1,
    clientRequestId: meta?.clientRequestId,
    requestId: serverRequestId(response.headers),
  };
  if (!response.ok) {
    // The body as received: openapi-fetch has parsed JSON error bodies, but re-serialising a parsed
    // body could fail (a deeply nested one overflows JSON.stringify's stack).
    const text = meta ? decoder.decode(meta.bytes) : typeof result.error === "string" ? result.error : "";
    throw createApiError(
      { ...details, status: response.status, headers: response.headers, body: parseErrorBody(text), bodySnippet: bodySnippet(text) },
      response.statusText,
    );
  }
  const text = typeof result.data === "string" ? result.data : undefined;
  const body = parseJsonObjectBody(text, response, details);
  if (validateResponses !== "off") await checkAgainstSpec(body, response, details, validateResponses, logger, observer);
  return body as SessionDetail;
}

async function checkAgainstSpec(
  body: unknown,
  response: Response,
  details: HyperbrowserErrorDetails,
  mode: Exclude<ValidateResponsesMode, "off">,
  logger: HyperbrowserLogger | undefined,
  observer: TransportObserver | undefined,
): Promise<void> {
  const validate = await responseValidator(OPERATION_KEY, response.status);
  if (!validate) return;
  const { violations, total } = findViolations(validate, body);
  if (total === 0) return;
  observer?.validationFailed?.(OPERATION_KEY);
  const summary = `${OPERATION_KEY} ${response.status} body breaks the spec: ${describeViolations(violations, total)}`;
  if (mode === "throw") {
    throw new HyperbrowserInvalidResponseError(summary, { ...details, status: response.status, headers: response.headers, violations });
  }
  (logger ?? console).warn(`hyperbrowser: ${summary}`, { url: details.url, requestId: details.requestId, violations });
}
