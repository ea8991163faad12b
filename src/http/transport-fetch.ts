import { createBufferedResponse } from "./buffered-response.js";
import { LightRequest } from "./light-request.js";
import { getUrlTemplate } from "./request-template.js";
import { sendRequest, type CallSettings, type TransportSettings } from "./transport.js";

const encoder = new TextEncoder();
const NO_OVERRIDES: CallSettings = {};

/**
 * `sendRequest` as a `fetch` for openapi-fetch: responses are real `Response`s (`BufferedResponse`)
 * whose body is already in memory. `call` holds one call's overrides (a per-request `fetch`).
 */
export function createTransportFetch(
  settings: TransportSettings,
  call: CallSettings = NO_OVERRIDES,
): typeof globalThis.fetch {
  return async (input: LightRequest | Request | string | URL, init?: RequestInit) => {
    const request =
      input instanceof LightRequest && init === undefined
        ? input
        : new LightRequest(String(input instanceof LightRequest ? input.url : input), init);
    const { headers, body } =
      request.body === null || request.body === undefined
        ? { headers: headersOf(request), body: undefined }
        : await withBody(request);
    const { method, url } = request;
    const result = await sendRequest(settings, call, {
      method,
      url,
      headers,
      body,
      signal: request.signal ?? undefined,
      urlTemplate: getUrlTemplate(request),
    });
    return createBufferedResponse({
      sent: result.sent,
      call: { method, url, attempts: result.attempts, clientRequestId: result.clientRequestId },
    });
  };
}

/** Headers as a plain object (names lower-cased). */
function headersOf(request: LightRequest | Request): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

/** Headers and the body as bytes, for a request with a body. */
async function withBody(
  request: LightRequest | Request,
): Promise<{ headers: Record<string, string>; body: Uint8Array<ArrayBuffer> }> {
  if (typeof request.body === "string") return { headers: headersOf(request), body: encoder.encode(request.body) };
  // FormData, URLSearchParams, Blob, streams: let a real Request encode them (and set the content type).
  const encoded = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body as BodyInit,
    duplex: "half",
  } as RequestInit);
  return { headers: headersOf(encoded), body: new Uint8Array(await encoded.arrayBuffer()) };
}
