import type { Middleware } from "openapi-fetch";
import { API_KEY_HEADER, refuseKeyToOtherOrigin } from "./http/key-origin.js";
import { checkKnownOptions, headerValueProblem, optionError } from "./internal/checks.js";
import { rememberSecret } from "./internal/known-secrets.js";

export { API_KEY_HEADER };

const WHERE = "createApiKeyAuth";

/** Options of {@link createApiKeyAuth}. */
export interface ApiKeyAuthOptions {
  /**
   * The only origin (`https://api.hyperbrowser.ai`) the key may be sent to: a request to any other
   * origin (an absolute URL, a per-call `baseUrl`) is refused with `HyperbrowserInvalidArgumentError`
   * before anything is sent. Unset, every request gets the key.
   */
  origin?: string | undefined;
}

/**
 * An openapi-fetch middleware that authenticates every request with an API key.
 * It overrides any `x-api-key` set by other headers, so the configured key is the one sent.
 *
 * @example
 * const raw = createClient<paths>({ baseUrl });
 * raw.use(createApiKeyAuth(process.env.HYPERBROWSER_API_KEY!, { origin: new URL(baseUrl).origin }));
 */
export function createApiKeyAuth(apiKey: string, options: ApiKeyAuthOptions = {}): Middleware {
  if (typeof apiKey !== "string")
    throw new TypeError(`${WHERE}: \`apiKey\` must be a string, got ${apiKey === null ? "null" : typeof apiKey}`);
  if (apiKey.trim() === "") throw optionError(WHERE, "apiKey", "a non-empty string");
  const problem = headerValueProblem(apiKey);
  if (problem) throw new TypeError(`${WHERE}: \`apiKey\` ${problem}`);
  if (typeof options !== "object" || options === null) throw optionError(WHERE, "options", "an object", options);
  checkKnownOptions(WHERE, options, ["origin"]);
  // Known by value from now on, so no output shows it, even where a server echoes it.
  rememberSecret(apiKey);
  const origin = options.origin === undefined ? undefined : new URL(options.origin).origin;
  return {
    onRequest({ request }) {
      if (origin !== undefined) refuseKeyToOtherOrigin(request.method, request.url, origin);
      request.headers.set(API_KEY_HEADER, apiKey);
      return request;
    },
  };
}
