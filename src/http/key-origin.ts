import { HyperbrowserInvalidArgumentError } from "../errors/errors.js";
import { isSameOrigin, originOf } from "../internal/origin.js";

/** The header the spec's `ApiKeyAuth` security scheme names. */
export const API_KEY_HEADER = "x-api-key";

/**
 * Refuses a request to any origin but the one the API key may go to, before anything is sent. The auth
 * middleware calls it when it attaches the key; the transport calls it again for every request that
 * carries the key, since a middleware registered later may have changed the URL.
 */
export function refuseKeyToOtherOrigin(method: string, url: string, keyOrigin: string): void {
  // The prefix test cannot pass with userinfo (the key origin has none), so only the slow path parses.
  if (url.startsWith(`${keyOrigin}/`) || url === keyOrigin) return;
  refuseCredentialsInUrl(url);
  if (isSameOrigin(url, keyOrigin)) return;
  throw new HyperbrowserInvalidArgumentError(
    `Refusing to send the API key to ${originOf(url)}: it is sent only to ${keyOrigin}; nothing was sent`,
    {
      method,
      url,
      argument: "url",
    },
  );
}

/**
 * Refuses a request URL with credentials (`http://user:pw@host`), as the client's `baseUrl` option does: the
 * password would land in the span's `url.full`, hook events, log lines and error messages. The value is not
 * echoed.
 */
function refuseCredentialsInUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.username || parsed.password) {
    throw new TypeError(
      "Refusing a request URL that contains credentials (user:password@); pass them another way. Nothing was sent",
    );
  }
}
