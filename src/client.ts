// The declarations name Symbol.asyncDispose: consumers without @types/node or lib esnext get its lib from here.
/// <reference lib="esnext.disposable" preserve="true" />
import * as openapiFetch from "openapi-fetch";
import type { Client } from "openapi-fetch";
import { createApiKeyAuth } from "./auth.js";
import {
  MAX_ERROR_BODY_BYTES,
  MAX_RESPONSE_BYTES,
  resolveClientOptions,
  type HyperbrowserClientOptions,
  type ResolvedClientOptions,
} from "./client-options.js";
import { ClientLifecycle } from "./http/client-lifecycle.js";
import { LightRequest } from "./http/light-request.js";
import { setUrlTemplate } from "./http/request-template.js";
import { createNodeHttpSender } from "./http/node-http-sender.js";
import { createFetchSender } from "./http/fetch-sender.js";
import type { Sender } from "./http/sender.js";
import type { TransportSettings } from "./http/transport.js";
import { createTransportFetch } from "./http/transport-fetch.js";
import { serializePathSafely } from "./resources/path-params.js";
import { createSessionsResource, type SessionsResource } from "./resources/sessions.js";
import { createClientObserver } from "./client-observer.js";
import type { TransportObserver } from "./http/observer.js";
import type { paths } from "./types.js";

// openapi-fetch's CommonJS build sets `exports.default` under `__esModule`; the Node-style interop of our
// CommonJS bundle hands over that whole exports object as `default`, so unwrap it there.
const createClient: typeof openapiFetch.default =
  typeof openapiFetch.default === "function"
    ? openapiFetch.default
    : (openapiFetch.default as unknown as { default: typeof openapiFetch.default }).default;
// openapi-fetch's default, made once: without a `querySerializer` it builds a new one on every call.
const querySerializer = openapiFetch.createQuerySerializer();

// A client dropped without close() still lets go of its idle sockets once it is garbage-collected. Not every
// runtime has FinalizationRegistry (workerd before its 2025-05-05 compatibility date): there, close() does it.
const unclosedClients =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<ClientLifecycle>((lifecycle) => void lifecycle.close())
    : undefined;

/** A client for the Hyperbrowser API. */
export interface HyperbrowserClient {
  /** Browser sessions. */
  readonly sessions: SessionsResource;
  /**
   * The typed openapi-fetch client, with authentication, timeouts, retries and safe path parameters
   * applied: every path of the spec is callable here, fully typed, including paths a later spec adds.
   */
  readonly raw: Client<paths>;
  /**
   * Closes the client: new calls reject with `HyperbrowserClientClosedError`, idle connections close at
   * once, calls in flight finish; resolves when the last connection is closed. Safe to call twice.
   * `await using client = createHyperbrowserClient()` calls it for you.
   */
  close(): Promise<void>;
  /** The same as `close()`, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Creates a client. Throws a `TypeError` at once when no API key is configured or an option is unusable.
 *
 * @example
 * const hyperbrowser = createHyperbrowserClient({ apiKey: process.env.HYPERBROWSER_API_KEY });
 * const session = await hyperbrowser.sessions.get("5f0d…");
 */
export function createHyperbrowserClient(options: HyperbrowserClientOptions = {}): HyperbrowserClient {
  const resolved = resolveClientOptions(options);
  // A user's fetch always wins; node:http is the default where it exists; the global fetch elsewhere.
  const sender = resolved.fetch
    ? createFetchSender(resolved.fetch)
    : (createNodeHttpSender({ maxSockets: resolved.maxSockets, proxyFor: resolved.proxyFor }) ??
      createFetchSender((input, init) => globalThis.fetch(input, init)));
  return bindClient(resolved, sender);
}

/**
 * The client over a given sender: openapi-fetch bound to the spec's paths with the auth middleware and
 * the transport as its `fetch`; `sessions.get` calls it like any caller would. (Internal: the stage
 * benchmark hands it a sender that answers in memory.)
 */
export function bindClient(resolved: ResolvedClientOptions, sender: Sender): HyperbrowserClient {
  const observer = createClientObserver(resolved);
  const lifecycle = new ClientLifecycle(sender, closeObserver(observer));
  const keyOrigin = new URL(resolved.baseUrl).origin;
  const transport: TransportSettings = {
    sender,
    lifecycle,
    keyOrigin,
    retry: resolved.retry,
    timeoutMs: resolved.timeoutMs,
    deadlineMs: resolved.deadlineMs,
    budget: resolved.retryBudget,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    maxErrorBodyBytes: MAX_ERROR_BODY_BYTES,
    clock: resolved.clock,
    random: resolved.random,
    createRequestId: () => globalThis.crypto.randomUUID(),
    observer,
  };
  const raw = createClient<paths>({
    baseUrl: resolved.baseUrl,
    headers: resolved.headers,
    fetch: createTransportFetch(transport),
    // A WHATWG Request per call costs more than the rest of openapi-fetch's work; see light-request.ts.
    Request: LightRequest as unknown as typeof Request,
    pathSerializer: serializePathSafely,
    querySerializer,
  });
  // The one place the key is attached; registered first, so the caller's middleware runs after it.
  const auth = createApiKeyAuth(resolved.apiKey, { origin: keyOrigin });
  raw.use({
    onRequest(options) {
      // The transport sees only the filled-in URL; the template names spans and metrics.
      if (observer) setUrlTemplate(options.request, options.schemaPath);
      return auth.onRequest?.(options);
    },
  });
  const sessions = createSessionsResource(raw, {
    validateResponses: resolved.validateResponses,
    logger: resolved.logger,
    observer,
    userAgent: resolved.headers["user-agent"] ?? "",
    retry: resolved.retry,
    fetchWith: (call) => createTransportFetch(transport, call),
  });
  const close = () => {
    unclosedClients?.unregister(client);
    return lifecycle.close();
  };
  const client: HyperbrowserClient = { sessions, raw, close, [Symbol.asyncDispose]: close };
  unclosedClients?.register(client, lifecycle, client);
  return client;
}

// Made outside bindClient on purpose: a closure created there would share its scope, which holds the
// client, and the lifecycle (the finalization registry's held value) would keep the client alive.
function closeObserver(observer: TransportObserver | undefined): () => void {
  return () => observer?.close?.();
}
