import { HyperbrowserInvalidResponseError } from "../errors/errors.js";
import { bodySnippet } from "../logging/redact.js";
import { getResponseMeta, serverRequestId } from "./response-meta.js";

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
      const text = await this.text();
      try {
        return JSON.parse(text);
      } catch (error) {
        throw invalidBody(this, `the body is not valid JSON (${(error as Error).message})`, text, error);
      }
    }

    override async arrayBuffer(): Promise<ArrayBuffer> {
      const bytes = this.#take();
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }

    override async blob(): Promise<Blob> {
      return new Blob([this.#take()], { type: this.headers.get("content-type") ?? "" });
    }

    override async formData(): Promise<FormData> {
      try {
        return await new Response(this.#take(), { headers: this.headers }).formData();
      } catch (error) {
        throw invalidBody(this, `the body is not form data (${(error as Error).message})`, undefined, error);
      }
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

/** A body that cannot be read as asked is the server's fault: an error of this package, not a bare SyntaxError. */
function invalidBody(response: Response, problem: string, text: string | undefined, cause: unknown): HyperbrowserInvalidResponseError {
  const meta = getResponseMeta(response);
  return new HyperbrowserInvalidResponseError(`Invalid response to ${meta?.method ?? "request"} ${response.url}: ${problem}`, {
    method: meta?.method,
    url: response.url,
    attempts: meta?.attempts,
    clientRequestId: meta?.clientRequestId,
    requestId: serverRequestId(response.headers),
    status: response.status,
    headers: response.headers,
    bodySnippet: text === undefined ? undefined : bodySnippet(text),
    cause,
  });
}
