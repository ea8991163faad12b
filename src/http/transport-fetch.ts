import { createBufferedResponse } from "./buffered-response.js";
import { LightRequest } from "./light-request.js";
import { getUrlTemplate } from "./request-template.js";
import { setResponseMeta } from "./response-meta.js";
import { sendRequest, type CallSettings, type TransportResult, type TransportSettings } from "./transport.js";

const encoder = new TextEncoder();

/**
 * `sendRequest` as a `fetch` for openapi-fetch (`client.raw`): responses are real `Response`s
 * (`BufferedResponse`) whose body is already in memory.
 */
export function createTransportFetch(settings: TransportSettings, call: CallSettings = {}): typeof globalThis.fetch {
  return (async (input: LightRequest | Request | string | URL, init?: RequestInit) => {
    const request = input instanceof LightRequest && init === undefined ? input : new LightRequest(String(input instanceof LightRequest ? input.url : input), init);
    const { headers, body } = await outgoingParts(request);
    const result = await sendRequest(settings, call, { method: request.method, url: request.url, headers, body, signal: request.signal ?? undefined, urlTemplate: getUrlTemplate(request) });
    return toResponse(result, request.method, request.url);
  }) as typeof globalThis.fetch;
}

function toResponse(result: TransportResult, method: string, url: string): Response {
  const { sent } = result;
  const headers = sent.headers.toHeaders();
  // The body is in memory, whole or cut: its length is what it is (a cut body no longer has the
  // announced length; a chunked one has none), which openapi-fetch reads to detect an empty body.
  if (method !== "HEAD") {
    headers.set("content-length", String(sent.bytes.byteLength));
    headers.delete("transfer-encoding");
  }
  const response = createBufferedResponse(sent.bytes, { status: sent.status, statusText: sent.statusText, headers }, url);
  setResponseMeta(response, { method, url, attempts: result.attempts, clientRequestId: result.clientRequestId, bytes: sent.bytes });
  return response;
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
