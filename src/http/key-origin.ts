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
  if (isSameOrigin(url, keyOrigin)) return;
  throw new HyperbrowserInvalidArgumentError(`Refusing to send the API key to ${originOf(url)}: it is sent only to ${keyOrigin}; nothing was sent`, {
    method,
    url,
    argument: "url",
  });
}
