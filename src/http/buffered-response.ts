import { HyperbrowserInvalidResponseError } from "../errors/errors.js";
import { describeJsonSyntaxError } from "../internal/json-problem.js";
import { bodySnippet } from "../internal/redact.js";
import { createLazyHeaders } from "./lazy-headers.js";
import { serverRequestId } from "./response-headers.js";
import type { AttemptResponse } from "./sender.js";

const decoder = new TextDecoder();

/** The call that produced a response: what errors built from it report. */
export interface TransportCall {
  method: string;
  url: string;
  attempts: number;
  clientRequestId: string;
}

/** What the transport received and how, as kept by a response it made. */
export interface BufferedAnswer {
  /** The last attempt's response as received: status, raw headers, the body's bytes (bounded). */
  sent: AttemptResponse;
  call: TransportCall;
}

let BufferedResponseClass: ReturnType<typeof defineBufferedResponse> | undefined;

/**
 * A real `Response` (it passes `instanceof Response` and openapi-fetch's middleware checks) whose body
 * is already in memory. Reading it returns the bytes directly instead of going through a web stream,
 * which in Node 20 costs more than the rest of a call; its `Headers` is made on first use. Each body
 * can be read once, as with `fetch`.
 */
export function createBufferedResponse(answer: BufferedAnswer): Response {
  // Defined on first use: touching the global Response loads Node's fetch (about 35 ms), which an
  // import of this package should not pay.
  BufferedResponseClass ??= defineBufferedResponse();
  return new BufferedResponseClass(answer);
}

/** What the transport received for a response it made; undefined for any other response. */
export function bufferedAnswerOf(response: Response): BufferedAnswer | undefined {
  return BufferedResponseClass !== undefined && response instanceof BufferedResponseClass ? response.answer : undefined;
}

function defineBufferedResponse() {
  return class BufferedResponse extends Response {
    readonly answer: BufferedAnswer;
    #headers: Headers | undefined;
    #used = false;

    constructor(answer: BufferedAnswer) {
      super(null, { status: answer.sent.status, statusText: answer.sent.statusText });
      this.answer = answer;
    }

    override get headers(): Headers {
      this.#headers ??= responseHeaders(this.answer);
      return this.#headers;
    }

    override get url(): string {
      return this.answer.call.url;
    }

    override get bodyUsed(): boolean {
      return this.#used;
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      if (this.answer.sent.bytes.byteLength === 0) return null;
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
        // No `cause`: the parser's SyntaxError quotes the body, and inspect(error) would print it.
        throw invalidBody(this, describeJsonSyntaxError(error, text), text, undefined);
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
      const copy = new BufferedResponse(this.answer);
      if (this.#headers) copy.#headers = new Headers(this.#headers);
      return copy;
    }

    #take(): Uint8Array<ArrayBuffer> {
      if (this.#used) throw new TypeError("Body is unusable: Body has already been read");
      this.#used = true;
      return this.answer.sent.bytes;
    }
  };
}

function responseHeaders({ sent, call }: BufferedAnswer): Headers {
  // The body is in memory, whole or cut: its length is what it is (a cut body no longer has the
  // announced length; a chunked one has none), which openapi-fetch reads to detect an empty body.
  const overrides =
    call.method === "HEAD"
      ? NO_OVERRIDES
      : { "content-length": String(sent.bytes.byteLength), "transfer-encoding": null };
  return createLazyHeaders(sent.headers, overrides);
}

const NO_OVERRIDES = {};

/** A body that cannot be read as asked is the server's fault: an error of this package, not a bare SyntaxError. */
function invalidBody(
  response: Response & { answer: BufferedAnswer },
  problem: string,
  text: string | undefined,
  cause: unknown,
): HyperbrowserInvalidResponseError {
  const { sent, call } = response.answer;
  return new HyperbrowserInvalidResponseError(`Invalid response to ${call.method} ${call.url}: ${problem}`, {
    ...call,
    requestId: serverRequestId(sent.headers),
    status: sent.status,
    headers: response.headers,
    bodySnippet: text === undefined ? undefined : bodySnippet(text),
    cause,
  });
}
