import type { Middleware } from "openapi-fetch";

/** The header the spec's `ApiKeyAuth` security scheme names. */
export const API_KEY_HEADER = "x-api-key";

/**
 * An openapi-fetch middleware that authenticates every request with an API key.
 * It overrides any `x-api-key` set by other headers, so the configured key is the one sent.
 *
 * @example
 * const raw = createClient<paths>({ baseUrl });
 * raw.use(createApiKeyAuth(process.env.HYPERBROWSER_API_KEY!));
 */
export function createApiKeyAuth(apiKey: string): Middleware {
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw new TypeError("createApiKeyAuth: the API key must be a non-empty string");
  }
  return {
    onRequest({ request }) {
      request.headers.set(API_KEY_HEADER, apiKey);
      return request;
    },
  };
}
