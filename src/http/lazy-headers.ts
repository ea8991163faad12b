import type { ResponseHeaders } from "./response-headers.js";

const inspect = Symbol.for("nodejs.util.inspect.custom");
let LazyHeadersClass: ReturnType<typeof defineLazyHeaders> | undefined;

/**
 * A real `Headers` for a response the transport made, filled from the received headers on first use
 * other than `get`: openapi-fetch reads one header of every response (`Content-Length`), which
 * should not cost a `Headers` holding all of them. `overrides` replace (or, with null, remove) headers.
 */
export function createLazyHeaders(
  received: ResponseHeaders,
  overrides: Readonly<Record<string, string | null>>,
): Headers {
  // Defined on first use, like BufferedResponse: touching the global Headers loads Node's fetch.
  LazyHeadersClass ??= defineLazyHeaders();
  return new LazyHeadersClass(received, overrides);
}

function defineLazyHeaders() {
  return class LazyHeaders extends Headers {
    #received: ResponseHeaders | undefined;
    readonly #overrides: Readonly<Record<string, string | null>>;

    constructor(received: ResponseHeaders, overrides: Readonly<Record<string, string | null>>) {
      super();
      this.#received = received;
      this.#overrides = overrides;
    }

    override get(name: string): string | null {
      const received = this.#received;
      if (received === undefined) return super.get(name);
      const lower = name.toLowerCase();
      const override = this.#overrides[lower];
      return override !== undefined ? override : received.get(lower);
    }

    #fill(): void {
      const received = this.#received;
      if (received === undefined) return;
      this.#received = undefined;
      received.toHeaders().forEach((value, name) => {
        if (this.#overrides[name] === undefined) super.append(name, value);
      });
      for (const [name, value] of Object.entries(this.#overrides)) if (value !== null) super.set(name, value);
    }

    override append(name: string, value: string): void {
      this.#fill();
      super.append(name, value);
    }
    override delete(name: string): void {
      this.#fill();
      super.delete(name);
    }
    override has(name: string): boolean {
      this.#fill();
      return super.has(name);
    }
    override set(name: string, value: string): void {
      this.#fill();
      super.set(name, value);
    }
    override getSetCookie(): string[] {
      this.#fill();
      return super.getSetCookie();
    }
    override keys(): HeadersIterator<string> {
      this.#fill();
      return super.keys();
    }
    override values(): HeadersIterator<string> {
      this.#fill();
      return super.values();
    }
    override entries(): HeadersIterator<[string, string]> {
      this.#fill();
      return super.entries();
    }
    override [Symbol.iterator](): HeadersIterator<[string, string]> {
      this.#fill();
      return super.entries();
    }
    override forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
      this.#fill();
      super.forEach(callback, thisArg);
    }
    [inspect](...args: unknown[]): unknown {
      this.#fill();
      return (Headers.prototype as unknown as Record<symbol, (...args: unknown[]) => unknown>)[inspect]?.apply(
        this,
        args,
      );
    }
  };
}
