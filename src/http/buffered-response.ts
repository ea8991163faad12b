const decoder = new TextDecoder();

/** What a buffered response is made from; it takes ownership of `headers` (no copy is made). */
export interface BufferedResponseInit {
  status: number;
  statusText: string;
  headers: Headers;
}

let BufferedResponseClass: ReturnType<typeof defineBufferedResponse> | undefined;

/**
 * A real `Response` (it passes `instanceof Response` and openapi-fetch's middleware checks) whose body
 * is already in memory. Reading it returns the bytes directly instead of going through a web stream,
 * which in Node 20 costs more than the rest of a call. Each body can be read once, as with `fetch`.
 */
export function createBufferedResponse(bytes: Uint8Array<ArrayBuffer>, init: BufferedResponseInit, url: string): Response {
  // Defined on first use: touching the global Response loads Node's fetch (about 35 ms), which an
  // import of this package should not pay.
  BufferedResponseClass ??= defineBufferedResponse();
  return new BufferedResponseClass(bytes, init, url);
}

function defineBufferedResponse() {
  return class BufferedResponse extends Response {
    readonly #bytes: Uint8Array<ArrayBuffer>;
    readonly #url: string;
    readonly #init: BufferedResponseInit;
    #used = false;

    constructor(bytes: Uint8Array<ArrayBuffer>, init: BufferedResponseInit, url: string) {
      super(null, { status: init.status, statusText: init.statusText });
      this.#bytes = bytes;
      this.#url = url;
      this.#init = init;
    }

    override get headers(): Headers {
      return this.#init.headers;
    }

    override get url(): string {
      return this.#url;
    }

    override get bodyUsed(): boolean {
      return this.#used;
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      if (this.#bytes.byteLength === 0) return null;
      const bytes = this.#take();
      return new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      });
    }

    override async text(): Promise<string> {
      return decoder.decode(this.#take());
    }

    override async json(): Promise<unknown> {
      return JSON.parse(await this.text());
    }

    override async arrayBuffer(): Promise<ArrayBuffer> {
      const bytes = this.#take();
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }

    override async blob(): Promise<Blob> {
      return new Blob([this.#take()], { type: this.headers.get("content-type") ?? "" });
    }

    override async formData(): Promise<FormData> {
      return new Response(this.#take(), { headers: this.headers }).formData();
    }

    override clone(): Response {
      if (this.#used) throw new TypeError("Response.clone: Body has already been consumed.");
      return new BufferedResponse(this.#bytes, { ...this.#init, headers: new Headers(this.#init.headers) }, this.#url);
    }

    #take(): Uint8Array<ArrayBuffer> {
      if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
      this.#used = true;
      return this.#bytes;
    }
  };
}
