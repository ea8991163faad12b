import type { Agent as HttpAgent, ClientRequest, IncomingMessage } from "node:http";
import { AttemptAbortedError, AttemptTimeoutError, type AttemptControl, type AttemptResponse, type SendAttempt } from "./send-attempt.js";

type HttpModule = typeof import("node:http");
type HttpsModule = typeof import("node:https");

const EMPTY = new Uint8Array(new ArrayBuffer(0));

/**
 * Sends attempts with `node:http` / `node:https` over keep-alive agents (one pair per client), with the
 * platform's TLS verification and CA handling (`NODE_EXTRA_CA_CERTS` included). Redirects are returned,
 * not followed, so the API key never travels to another host. Returns undefined where `node:http` does
 * not exist (browsers, workers, Node before 20.16), and the client falls back to `fetch`.
 */
export function createNodeHttpSender(): SendAttempt | undefined {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const http = getBuiltin?.("node:http") as HttpModule | undefined;
  const https = getBuiltin?.("node:https") as HttpsModule | undefined;
  if (!http || !https) return undefined;
  const agents: Record<string, HttpAgent> = {
    "http:": new http.Agent({ keepAlive: true }),
    "https:": new https.Agent({ keepAlive: true }),
  };

  // Request URLs of one client share one origin: parse it once, not on every call.
  const origins = new Map<string, { protocol: string; hostname: string; port: string }>();
  const originOf = (url: URL) => ({ protocol: url.protocol, hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"), port: url.port });

  return (request, control) =>
    new Promise<AttemptResponse>((resolve, reject) => {
      const pathStart = request.url.indexOf("/", request.url.indexOf("//") + 2);
      const originKey = pathStart < 0 ? request.url : request.url.slice(0, pathStart);
      let origin = origins.get(originKey);
      if (!origin) {
        origin = originOf(new URL(request.url));
        if (origins.size < 16) origins.set(originKey, origin);
      }
      const headers = request.body ? { ...request.headers, "content-length": String(request.body.byteLength) } : request.headers;
      const outgoing = (origin.protocol === "https:" ? https : http).request({
        ...origin,
        path: pathStart < 0 ? "/" : request.url.slice(pathStart),
        method: request.method,
        headers,
        agent: agents[origin.protocol],
      });
      const attempt = new Attempt(outgoing, control, resolve, reject);
      outgoing.once("error", (error) => attempt.fail(error));
      outgoing.once("response", (incoming) => attempt.read(incoming));
      outgoing.end(request.body);
    });
}

/** One request in flight: its timer, the caller's signal, and the body being read. */
class Attempt {
  #settled = false;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #onAbort: (() => void) | undefined;

  constructor(
    private readonly outgoing: ClientRequest,
    private readonly control: AttemptControl,
    private readonly resolve: (response: AttemptResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.#timer = setTimeout(() => this.fail(new AttemptTimeoutError()), control.timeoutMs);
    const signal = control.signal;
    if (signal) {
      this.#onAbort = () => this.fail(new AttemptAbortedError(signal.reason));
      if (signal.aborted) this.#onAbort();
      else signal.addEventListener("abort", this.#onAbort, { once: true });
    }
  }

  fail(error: unknown): void {
    if (this.#settled) return;
    this.#finish();
    // The socket may be mid-response: destroy it rather than return it to the pool.
    this.outgoing.destroy();
    this.reject(error);
  }

  read(incoming: IncomingMessage): void {
    const status = incoming.statusCode ?? 0;
    const limit = status >= 200 && status < 300 ? this.control.maxOkBytes : this.control.maxErrorBytes;
    const chunks: Buffer[] = [];
    let length = 0;
    const done = (truncated: boolean) => {
      if (this.#settled) return;
      this.#finish();
      const headers = new Headers();
      const raw = incoming.rawHeaders;
      for (let index = 0; index < raw.length; index += 2) headers.append(raw[index] as string, raw[index + 1] as string);
      const bytes = length === 0 ? EMPTY : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
      this.resolve({ status, statusText: incoming.statusMessage ?? "", headers, bytes: bytes as Uint8Array<ArrayBuffer>, truncated });
    };
    incoming.on("data", (chunk: Buffer) => {
      if (this.#settled) return;
      if (length + chunk.byteLength > limit) {
        chunks.push(chunk.subarray(0, limit - length));
        length = limit;
        // The rest is not wanted: drop the connection rather than download it.
        incoming.destroy();
        done(true);
        return;
      }
      chunks.push(chunk);
      length += chunk.byteLength;
    });
    incoming.once("end", () => done(false));
    incoming.once("error", (error) => this.fail(error));
    incoming.once("close", () => {
      if (!this.#settled) this.fail(Object.assign(new Error("the connection closed before the response body was complete"), { code: "ECONNRESET" }));
    });
  }

  #finish(): void {
    this.#settled = true;
    clearTimeout(this.#timer);
    if (this.#onAbort) this.control.signal?.removeEventListener("abort", this.#onAbort);
  }
}
