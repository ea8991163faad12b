import * as openapiFetch from "openapi-fetch";
import type { Client } from "openapi-fetch";
import { createApiKeyAuth } from "./auth.js";
import {
  MAX_ERROR_BODY_BYTES,
  MAX_RESPONSE_BYTES,
  resolveClientOptions,
  type HyperbrowserClientOptions,
} from "./client-options.js";
import { LightRequest } from "./http/light-request.js";
import { createNodeHttpSender } from "./http/node-http-sender.js";
import { serializePathSafely } from "./resources/path-params.js";
import { createFetchSender } from "./http/send-attempt.js";
import { createSessionsResource, type SessionsResource } from "./resources/sessions.js";
import type { TransportSettings } from "./http/transport.js";
import { createTransportFetch } from "./http/transport.js";
import type { paths } from "./types.js";

// openapi-fetch's CommonJS build sets `exports.default` under `__esModule`; the Node-style interop of our
// CommonJS bundle hands over that whole exports object as `default`, so unwrap it there.
const createClient: typeof openapiFetch.default =
  typeof openapiFetch.default === "function" ? openapiFetch.default : (openapiFetch.default as unknown as { default: typeof openapiFetch.default }).default;

/** A client for the Hyperbrowser API. */
export interface HyperbrowserClient {
  /** Browser sessions. */
  readonly sessions: SessionsResource;
  /**
   * The typed openapi-fetch client, with authentication, timeouts, retries and safe path parameters
   * applied: every path of the spec is callable here, fully typed, including paths a later spec adds.
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a client. Throws at once when no API key is configured or an option is unusable.
 *
 * @example
 * const hyperbrowser = createHyperbrowserClient({ apiKey: process.env.HYPERBROWSER_API_KEY });
 * const session = await hyperbrowser.sessions.get("5f0d…");
 */
export function createHyperbrowserClient(options: HyperbrowserClientOptions = {}): HyperbrowserClient {
  const resolved = resolveClientOptions(options);
  const transport: TransportSettings = {
    // A user's fetch always wins; node:http is the default where it exists; the global fetch elsewhere.
    send: resolved.fetch ? createFetchSender(resolved.fetch) : (createNodeHttpSender() ?? createFetchSender((input, init) => globalThis.fetch(input, init))),
    retry: resolved.retry,
    timeoutMs: resolved.timeoutMs,
    deadlineMs: resolved.deadlineMs,
    budget: resolved.retryBudget,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    maxErrorBodyBytes: MAX_ERROR_BODY_BYTES,
    clock: resolved.clock,
    random: resolved.random,
    createRequestId: () => globalThis.crypto.randomUUID(),
    logger: resolved.logger,
  };
  const raw = createClient<paths>({
    baseUrl: resolved.baseUrl,
    headers: resolved.headers,
    fetch: createTransportFetch(transport),
    // A WHATWG Request per call costs more than the rest of openapi-fetch's work; see light-request.ts.
    Request: LightRequest as unknown as typeof Request,
    pathSerializer: serializePathSafely,
  });
  raw.use(createApiKeyAuth(resolved.apiKey));
  const sessions = createSessionsResource(raw, { transport, validateResponses: resolved.validateResponses, logger: resolved.logger });
  return { sessions, raw };
}
