/** What the transport knows about the call that produced a response, for the errors built from it. */
export interface ResponseMeta {
  method: string;
  url: string;
  attempts: number;
  clientRequestId: string;
  /** The body as received (bounded), so an error can quote it after the body was read. */
  bytes: Uint8Array;
}

const metaByResponse = new WeakMap<Response, ResponseMeta>();

/** Attaches call details to a response the transport returns. */
export function setResponseMeta(response: Response, meta: ResponseMeta): void {
  metaByResponse.set(response, meta);
}

/** The call details of a response, when it came through the transport. */
export function getResponseMeta(response: Response): ResponseMeta | undefined {
  return metaByResponse.get(response);
}

/** The server's request id header. */
export function serverRequestId(headers: { get(name: string): string | null }): string | undefined {
  return headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}
