/**
 * The `Request` implementation handed to openapi-fetch: it keeps what openapi-fetch and middleware use
 * (`url`, `method`, a real `Headers`, `signal`, `body`, `clone()`, body readers) without the cost of
 * constructing a WHATWG `Request` on every call. `instanceof` accepts real `Request`s too, so a
 * middleware may return either.
 */
export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal | undefined;
  readonly body: BodyInit | null;
  readonly redirect: RequestRedirect;

  constructor(input: string | URL | LightRequest, init: RequestInit = {}) {
    const base = input instanceof LightRequest ? input : undefined;
    this.url = base ? base.url : String(input);
    this.method = (init.method ?? base?.method ?? "GET").toUpperCase();
    // openapi-fetch passes a Headers it built for this request alone, so it is used as is.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers ?? base?.headers);
    this.signal = init.signal ?? base?.signal ?? undefined;
    this.body = init.body ?? base?.body ?? null;
    this.redirect = init.redirect ?? base?.redirect ?? "follow";
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return (
      (typeof value === "object" &&
        value !== null &&
        Object.prototype.isPrototypeOf.call(LightRequest.prototype, value)) ||
      (typeof Request === "function" && value instanceof Request)
    );
  }

  /** A copy with its own headers. */
  clone(): LightRequest {
    return new LightRequest(this, { headers: new Headers(this.headers) });
  }

  /** The body as bytes (empty when there is none). */
  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.body === null ? new ArrayBuffer(0) : new Response(this.body).arrayBuffer();
  }

  async text(): Promise<string> {
    return this.body === null ? "" : new Response(this.body).text();
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  toString(): string {
    return this.url;
  }
}
