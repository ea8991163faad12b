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
export function createTransportFetch(settings: TransportSettings, call: CallSettings = NO_OVERRIDES): typeof globalThis.fetch {
  return (async (input: LightRequest | Request | string | URL, init?: RequestInit) => {
    const request = input instanceof LightRequest && init === undefined ? input : new LightRequest(String(input instanceof LightRequest ? input.url : input), init);
    const { headers, body } = await outgoingParts(request);
    const { method, url } = request;
    const result = await sendRequest(settings, call, { method, url, headers, body, signal: request.signal ?? undefined, urlTemplate: getUrlTemplate(request) });
    return createBufferedResponse({ sent: result.sent, call: { method, url, attempts: result.attempts, clientRequestId: result.clientRequestId } });
  }) as typeof globalThis.fetch;
}

/** Headers as a plain object (names lower-cased) and the body as bytes, once per call. */
async function outgoingParts(request: LightRequest | Request): Promise<{ headers: Record<string, string>; body: Uint8Array<ArrayBuffer> | undefined }> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (request.body === null || request.body === undefined) return { headers, body: undefined };
  if (typeof request.body === "string") return { headers, body: encoder.encode(request.body) };
  // FormData, URLSearchParams, Blob, streams: let a real Request encode them (and set the content type).
  const encoded = new Request(request.url, { method: request.method, headers: request.headers, body: request.body as BodyInit, duplex: "half" } as RequestInit);
  encoded.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { headers, body: new Uint8Array(await encoded.arrayBuffer()) };
}
