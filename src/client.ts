// The declarations name Symbol.asyncDispose: consumers without @types/node or lib esnext get its lib from here.
/// <reference lib="esnext.disposable" preserve="true" />
import * as openapiFetch from "openapi-fetch";
import type { Client, Middleware } from "openapi-fetch";
import { API_KEY_HEADER, createApiKeyAuth } from "./auth.js";
import { MAX_ERROR_BODY_BYTES, MAX_RESPONSE_BYTES, resolveClientOptions, type HyperbrowserClientOptions } from "./client-options.js";
import { ClientLifecycle } from "./http/client-lifecycle.js";
import { LightRequest } from "./http/light-request.js";
import { setUrlTemplate } from "./http/request-template.js";
import { createNodeHttpSender } from "./http/node-http-sender.js";
import { createFetchSender } from "./http/send-attempt.js";
import type { TransportSettings } from "./http/transport.js";
import { createTransportFetch } from "./http/transport-fetch.js";
import { serializePathSafely } from "./resources/path-params.js";
import { createSessionsResource, type SessionsResource } from "./resources/sessions.js";
import { createClientObserver } from "./telemetry/create-observer.js";
import type { TransportObserver } from "./telemetry/observer.js";
import type { paths } from "./types.js";

// openapi-fetch's CommonJS build sets `exports.default` under `__esModule`; the Node-style interop of our
// CommonJS bundle hands over that whole exports object as `default`, so unwrap it there.
const createClient: typeof openapiFetch.default =
  typeof openapiFetch.default === "function" ? openapiFetch.default : (openapiFetch.default as unknown as { default: typeof openapiFetch.default }).default;

// A client dropped without close() still lets go of its idle sockets once it is garbage-collected. Not every
// runtime has FinalizationRegistry (workerd before its 2025-05-05 compatibility date): there, close() does it.
const unclosedClients =
  typeof FinalizationRegistry === "function" ? new FinalizationRegistry<ClientLifecycle>((lifecycle) => void lifecycle.close()) : undefined;

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
    : (createNodeHttpSender({ maxSockets: resolved.maxSockets, proxyFor: resolved.proxyFor }) ?? createFetchSender((input, init) => globalThis.fetch(input, init)));
  const observer = createClientObserver(resolved);
  const lifecycle = new ClientLifecycle(sender, closeObserver(observer));
  const keyOrigin = new URL(resolved.baseUrl).origin;
  const transport: TransportSettings = {
    sender,
    lifecycle,
    keyOrigin,
    keyHeader: API_KEY_HEADER,
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
  });
  const auth = createApiKeyAuth(resolved.apiKey, { origin: keyOrigin });
  raw.use({
    onRequest(options) {
      // The transport sees only the filled-in URL; the template names spans and metrics.
      setUrlTemplate(options.request, options.schemaPath);
      return auth.onRequest?.(options);
    },
  });
  const userMiddleware = countUserMiddleware(raw);
  const requestHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(resolved.headers)) requestHeaders[name.toLowerCase()] = value;
  requestHeaders[API_KEY_HEADER] = resolved.apiKey;
  const sessions = createSessionsResource(raw, {
    transport,
    validateResponses: resolved.validateResponses,
    logger: resolved.logger,
    observer,
    userAgent: resolved.headers["user-agent"] ?? "",
    baseUrl: resolved.baseUrl,
    requestHeaders,
    hasUserMiddleware: () => userMiddleware.count > 0,
  });
  const close = () => {
    unclosedClients?.unregister(client);
    return lifecycle.close();
  };
  const client: HyperbrowserClient = { sessions, raw, close, [Symbol.asyncDispose]: close };
  unclosedClients?.register(client, lifecycle, client);
  return client;
}

// Made outside createHyperbrowserClient on purpose: a closure created there would share its scope, which
// holds the client, and the lifecycle (the finalization registry's held value) would keep the client alive.
function closeObserver(observer: TransportObserver | undefined): () => void {
  return () => observer?.close?.();
}

/** Keeps track of the middleware registered on `raw` from now on (the caller's), through its `use` and `eject`. */
function countUserMiddleware(raw: Client<paths>): { readonly count: number } {
  const registered = new Set<Middleware>();
  const use = raw.use.bind(raw);
  const eject = raw.eject.bind(raw);
  raw.use = (...middleware) => {
    for (const entry of middleware) registered.add(entry);
    use(...middleware);
  };
  raw.eject = (...middleware) => {
    for (const entry of middleware) registered.delete(entry);
    eject(...middleware);
  };
  return {
    get count() {
      return registered.size;
    },
  };
}
