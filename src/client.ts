import createClient, { type Client } from "openapi-fetch";
import { createApiKeyAuth } from "./auth.js";
import { resolveClientOptions, type HyperbrowserClientOptions } from "./client-options.js";
import { createSessionsResource, type SessionsResource } from "./sessions.js";
import type { paths } from "./types.js";

/** A client for the Hyperbrowser API. */
export interface HyperbrowserClient {
  /** Browser sessions. */
  readonly sessions: SessionsResource;
  /**
   * The typed openapi-fetch client, with authentication applied: every path of the spec is
   * callable here, fully typed, including paths a later spec adds.
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a client. Throws at once when no API key is configured or `baseUrl` is not a usable URL.
 *
 * @example
 * const hyperbrowser = createHyperbrowserClient({ apiKey: process.env.HYPERBROWSER_API_KEY });
 * const session = await hyperbrowser.sessions.get("5f0d…");
 */
export function createHyperbrowserClient(options: HyperbrowserClientOptions = {}): HyperbrowserClient {
  const resolved = resolveClientOptions(options);
  const raw = createClient<paths>({
    baseUrl: resolved.baseUrl,
    headers: resolved.headers,
    ...(resolved.fetch ? { fetch: resolved.fetch } : {}),
  });
  raw.use(createApiKeyAuth(resolved.apiKey));
  return { sessions: createSessionsResource(raw), raw };
}
