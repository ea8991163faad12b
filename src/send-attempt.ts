import { readBodyBounded } from "./read-body.js";

/** One request as the transport sends it, whatever carries it. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Headers;
  body: Uint8Array<ArrayBuffer> | undefined;
}

/** A whole response, body read into memory up to its bound. */
export interface AttemptResponse {
  status: number;
  statusText: string;
  headers: Headers;
  bytes: Uint8Array<ArrayBuffer>;
  /** True when the body was longer than its bound; the rest was discarded. */
  truncated: boolean;
}

/** Body bounds: for 2xx bodies, and for all others. */
export interface BodyLimits {
  ok: number;
  error: number;
}

/** Sends one attempt and reads the whole response; rejects on network failure or when `signal` aborts. */
export type SendAttempt = (request: OutgoingRequest, signal: AbortSignal, limits: BodyLimits) => Promise<AttemptResponse>;

/** Sends attempts with a `fetch` implementation: the user's, or the global one where `node:http` is missing. */
export function createFetchSender(fetchImpl: typeof globalThis.fetch): SendAttempt {
  return async (request, signal, limits) => {
    const response = await fetchImpl(
      new Request(request.url, { method: request.method, headers: request.headers, body: request.body ?? null, signal }),
    );
    const { bytes, truncated } = await readBodyBounded(response, response.ok ? limits.ok : limits.error);
    return { status: response.status, statusText: response.statusText, headers: response.headers, bytes, truncated };
  };
}
