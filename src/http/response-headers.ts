/**
 * Response headers as the transport keeps them: read by name without building a WHATWG `Headers`
 * (which in Node loads its fetch implementation and costs more than the rest of a call); a `Headers`
 * is made only for those who need one (`client.raw`'s `Response`, an error's `headers`).
 */
export interface ResponseHeaders {
  /** The value of a header (names are case-insensitive; repeated ones joined with `, `), or null. */
  get(name: string): string | null;
  /** A new WHATWG `Headers` holding them; a header `Headers` refuses is left out. */
  toHeaders(): Headers;
}

/**
 * Headers of a `node:http` response: its `rawHeaders` (name, value, name, value…), or its `headers`
 * object where `rawHeaders` is empty although headers arrived (workerd's node:http, for one).
 */
export function incomingHeaderList(incoming: {
  rawHeaders: readonly string[];
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}): ResponseHeaders {
  if (incoming.rawHeaders.length > 0) return rawHeaderList(incoming.rawHeaders);
  const raw: string[] = [];
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const each of typeof value === "string" ? [value] : value) raw.push(name, each);
  }
  return rawHeaderList(raw);
}

/** Headers from `node:http`'s `rawHeaders` (name, value, name, value…). */
export function rawHeaderList(raw: readonly string[]): ResponseHeaders {
  return {
    get(name) {
      const wanted = name.toLowerCase();
      let value: string | null = null;
      for (let index = 0; index < raw.length; index += 2) {
        if ((raw[index] as string).toLowerCase() === wanted)
          value = value === null ? (raw[index + 1] as string) : `${value}, ${raw[index + 1] as string}`;
      }
      return value;
    },
    toHeaders() {
      const headers = new Headers();
      for (let index = 0; index < raw.length; index += 2) {
        try {
          headers.append(raw[index] as string, raw[index + 1] as string);
        } catch {
          // Node's parser accepted it, the WHATWG rules do not: the response must still be readable.
        }
      }
      return headers;
    },
  };
}

/** Headers a `fetch` returned. */
export function fetchHeaders(headers: Headers): ResponseHeaders {
  return { get: (name) => headers.get(name), toHeaders: () => new Headers(headers) };
}

/** The server's request id header. */
export function serverRequestId(headers: { get(name: string): string | null }): string | undefined {
  return headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}
