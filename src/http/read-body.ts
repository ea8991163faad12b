import { onAbort } from "../internal/abort-listener.js";

/** A body read into memory, at most `limit` bytes of it. */
export interface BoundedBody {
  bytes: Uint8Array<ArrayBuffer>;
  /** True when the body was longer than the limit and the rest was discarded. */
  truncated: boolean;
}

/**
 * Reads a response body up to `limit` bytes, then cancels the rest so a huge or endless body cannot
 * exhaust memory. Rejects as the stream does (reset, abort), and with `signal`'s reason when it aborts,
 * cancelling the body, even if the stream itself ignores the abort.
 */
export async function readBodyBounded(response: Response, limit: number, signal?: AbortSignal): Promise<BoundedBody> {
  if (!response.body) return { bytes: new Uint8Array(new ArrayBuffer(0)), truncated: false };
  const reader = response.body.getReader();
  const removeAbortListener = signal
    ? onAbort(signal, () => void reader.cancel(signal.reason).catch(() => undefined))
    : undefined;
  const chunks: Uint8Array[] = [];
  let length = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = limit - length;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        length += room;
        truncated = true;
        await reader.cancel().catch(() => undefined);
        break;
      }
      chunks.push(value);
      length += value.byteLength;
    }
  } finally {
    removeAbortListener?.();
    reader.releaseLock();
  }
  signal?.throwIfAborted();
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}
