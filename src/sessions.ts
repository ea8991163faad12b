import type { Client } from "openapi-fetch";
import { createApiError } from "./api-error-factory.js";
import { HyperbrowserAbortError, HyperbrowserConnectionError, HyperbrowserError } from "./errors.js";
import { bodySnippet, parseErrorBody, parseJsonObjectBody } from "./response-body.js";
import type { paths, SessionDetail } from "./types.js";

/** Per-call options of `sessions.get`. */
export interface GetSessionOptions {
  /** Aborts the call; the promise rejects with `HyperbrowserAbortError`. */
  signal?: AbortSignal | undefined;
}

/** The `sessions` part of the client. */
export interface SessionsResource {
  /**
   * Looks up a session by id (`GET /api/session/{id}`).
   * @throws {HyperbrowserNotFoundError} when no session has this id
   * @throws {HyperbrowserApiError} for any other non-2xx status
   */
  get(id: string, options?: GetSessionOptions): Promise<SessionDetail>;
}

const SESSION_PATH = "/api/session/{id}";

/** Binds `sessions.*` to an authenticated openapi-fetch client. */
export function createSessionsResource(raw: Client<paths>): SessionsResource {
  return {
    async get(id, options = {}) {
      const details = { method: "GET", url: undefined as string | undefined, attempts: 1 };
      let result: { data?: unknown; error?: unknown; response: Response };
      try {
        // parseAs "text": this module parses the body itself, so a bad body becomes a typed error.
        result = await raw.GET(SESSION_PATH, {
          params: { path: { id } },
          parseAs: "text",
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (error) {
        throw toRequestError(error, options.signal, details);
      }
      const { response } = result;
      details.url = response.url || undefined;
      const requestId = response.headers.get("x-request-id") ?? response.headers.get("request-id") ?? undefined;
      if (!response.ok) {
        // openapi-fetch has already parsed a JSON error body; anything else arrives as text.
        const body = typeof result.error === "string" ? parseErrorBody(result.error) : result.error;
        const text = typeof result.error === "string" ? result.error : JSON.stringify(result.error ?? "");
        throw createApiError(
          { ...details, requestId, status: response.status, headers: response.headers, body, bodySnippet: bodySnippet(text) },
          response.statusText,
        );
      }
      const text = typeof result.data === "string" ? result.data : undefined;
      return parseJsonObjectBody(text, response, { ...details, requestId }) as SessionDetail;
    },
  };
}

function toRequestError(error: unknown, signal: AbortSignal | undefined, details: { method: string; attempts: number }): HyperbrowserError {
  if (error instanceof HyperbrowserError) return error;
  if (signal?.aborted) return new HyperbrowserAbortError("The request was aborted by the caller's signal", { ...details, cause: error });
  return new HyperbrowserConnectionError(`Could not reach the server: ${(error as Error)?.message ?? String(error)}`, { ...details, cause: error });
}
