import type { Bytes } from "./bytes.js";
import type { ResponseHeaders } from "./response-headers.js";

/** One request as the transport sends it, whatever carries it. */
export interface OutgoingRequest {
  url: string;
  method: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Bytes | undefined;
}

/** A whole response, body read into memory up to its bound. */
export interface AttemptResponse {
  status: number;
  statusText: string;
  headers: ResponseHeaders;
  bytes: Bytes;
  /** True when the body was longer than its bound; the rest was discarded. */
  truncated: boolean;
}

/** How one attempt may end early. */
export interface AttemptControl {
  /** The attempt fails with {@link AttemptTimeoutError} when its response is not complete by then. */
  timeoutMs: number;
  /** The caller's signal, when there is one: the attempt fails with {@link AttemptAbortedError}. */
  signal: AbortSignal | undefined;
  /** Body bounds: for 2xx bodies, and for all others. */
  maxOkBytes: number;
  maxErrorBytes: number;
}

/** The attempt's time ran out (headers and body count). */
export class AttemptTimeoutError extends Error {}

/** The caller's signal fired during the attempt. */
export class AttemptAbortedError extends Error {
  constructor(readonly reason: unknown) {
    super("aborted");
  }
}

/** A `fetch` followed a redirect although it was asked not to; the call must not use that answer. */
export class RedirectFollowedError extends Error {
  readonly code = "ERR_REDIRECT_FOLLOWED";
}

/** Sends one attempt and reads the whole response; rejects on network failure, timeout or abort. */
export type SendAttempt = (request: OutgoingRequest, control: AttemptControl) => Promise<AttemptResponse>;

/** What carries a client's requests, and how its connections are released. */
export interface Sender {
  send: SendAttempt;
  /** Closes idle connections now. */
  destroyIdle(): void;
  /** Closes every connection. */
  destroy(): void;
}
