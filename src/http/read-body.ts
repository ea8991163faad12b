/** A body read into memory, at most `limit` bytes of it. */
export interface BoundedBody {
  bytes: Uint8Array<ArrayBuffer>;
  /** True when the body was longer than the limit and the rest was discarded. */
  truncated: boolean;
}

/**
 * Reads a response body up to `limit` bytes, then cancels the rest so a huge or endless body cannot
 * exhaust memory. Rejects as the stream does (reset, abort).
 */
export async function readBodyBounded(response: Response, limit: number): Promise<BoundedBody> {
  if (!response.body) return { bytes: new Uint8Array(new ArrayBuffer(0)), truncated: false };
  const reader = response.body.getReader();
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
    reader.releaseLock();
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}
