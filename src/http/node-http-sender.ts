import type { ClientRequest, IncomingMessage } from "node:http";
import { onAbort } from "../internal/abort-listener.js";
import { builtinModule } from "../internal/builtin-module.js";
import { ConnectionPools, type Route } from "./node-agents.js";
import type { ProxyResolver } from "./proxy-settings.js";
import {
  AttemptAbortedError,
  AttemptTimeoutError,
  type AttemptControl,
  type AttemptResponse,
  type OutgoingRequest,
  type Sender,
} from "./sender.js";
import { ATTEMPT_SIGNAL, type TunnelModules } from "./proxy-tunnel.js";
import { incomingHeaderList } from "./response-headers.js";

const EMPTY = new Uint8Array(new ArrayBuffer(0));
// Methods a request may be sent again for when a reused connection turned out to be closed: nothing
// reached the server, and these cannot do anything twice (Go's net/http uses the same list).
const REPLAYABLE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);
const STALE_SOCKET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/** Settings of the node:http sender. */
export interface NodeHttpSenderSettings {
  /** Most connections per origin; requests queue beyond it. */
  maxSockets: number;
  /** Picks the proxy of each target. */
  proxyFor: ProxyResolver;
}

/**
 * Sends attempts with `node:http` / `node:https` over keep-alive pools (one set per client), with the
 * platform's TLS verification and CA handling (`NODE_EXTRA_CA_CERTS` included), at most `maxSockets`
 * connections per origin, and proxies. Redirects are returned, not followed, so the API key never
 * travels to another host. Returns undefined where `node:http` does not exist (browsers, workers,
 * Node before 20.16), and the client falls back to `fetch`.
 */
export function createNodeHttpSender(settings: NodeHttpSenderSettings): Sender | undefined {
  const http = builtinModule<TunnelModules["http"]>("node:http");
  const https = builtinModule<TunnelModules["https"]>("node:https");
  const tls = builtinModule<TunnelModules["tls"]>("node:tls");
  if (!http || !https || !tls) return undefined;
  const pools = new ConnectionPools({ http, https, tls }, { maxSockets: settings.maxSockets }, settings.proxyFor);

  return {
    send: (request, control) =>
      new Promise<AttemptResponse>((resolve, reject) => {
        // Parsed as WHATWG does, as the key's origin check did: what is sent is what was checked
        // (`http://a:9\@b/` is a path on `a`, whatever a proxy's own parser would make of the raw text).
        const target = new URL(request.url);
        const route = pools.route(target.origin);
        const path = route.absoluteForm ? absoluteForm(target) : `${target.pathname}${target.search}`;
        const headers = outgoingHeaders(request, route, target);
        const dispatch = (attemptSignal: AbortSignal | undefined) => {
          const options = {
            host: route.host,
            port: route.port,
            path,
            method: request.method,
            headers,
            agent: route.agent,
            ...(attemptSignal ? { [ATTEMPT_SIGNAL]: attemptSignal } : {}),
          };
          const outgoing = route.module.request(options);
          outgoing.end(request.body);
          return outgoing;
        };
        new NodeExchange(
          dispatch,
          control,
          REPLAYABLE_METHODS.has(request.method),
          route.tunnels,
          () => pools.destroyIdle(),
          resolve,
          reject,
        ).start();
      }),
    destroyIdle: () => pools.destroyIdle(),
    destroy: () => pools.destroy(),
  };
}

/** The request line's target for a forwarding proxy: the normalised URL without its fragment, which is never sent. */
function absoluteForm(target: URL): string {
  // A serialised href holds `#` only where its fragment starts (also for an empty one, `…/x#`).
  const fragmentAt = target.href.indexOf("#");
  return fragmentAt < 0 ? target.href : target.href.slice(0, fragmentAt);
}

function outgoingHeaders(request: OutgoingRequest, route: Route, target: URL): Record<string, string> {
  if (!request.body && !route.absoluteForm) return request.headers;
  return {
    ...request.headers,
    ...(request.body ? { "content-length": String(request.body.byteLength) } : {}),
    // Through a forwarding proxy Node would name the proxy in Host; it names the target (RFC 9112 §3.2).
    ...(route.absoluteForm ? { host: target.host } : {}),
    ...route.proxyHeaders,
  };
}

/**
 * One request and its response on node:http: the attempt's timer and signal, the request (sent a second
 * time when a reused socket turned out closed), and the body being read.
 */
class NodeExchange {
  #settled = false;
  #outgoing: ClientRequest | undefined;
  #resent = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #removeAbortListener: (() => void) | undefined;
  // Ends with the attempt: a proxy CONNECT opened for it is torn down then (see ATTEMPT_SIGNAL). Made only
  // for tunnels: an aborted controller costs a DOMException, about a tenth of a direct call's CPU.
  readonly #ended: AbortController | undefined;

  constructor(
    private readonly dispatch: (attemptSignal: AbortSignal | undefined) => ClientRequest,
    private readonly control: AttemptControl,
    private readonly replayable: boolean,
    tunnels: boolean,
    private readonly dropIdleSockets: () => void,
    private readonly resolve: (response: AttemptResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.#ended = tunnels ? new AbortController() : undefined;
  }

  start(): void {
    this.#timer = setTimeout(() => this.fail(new AttemptTimeoutError()), this.control.timeoutMs);
    const signal = this.control.signal;
    if (signal) this.#removeAbortListener = onAbort(signal, () => this.fail(new AttemptAbortedError(signal.reason)));
    if (!this.#settled) this.#send();
  }

  #send(): void {
    const outgoing = this.dispatch(this.#ended?.signal);
    this.#outgoing = outgoing;
    let responded = false;
    // `on`, not `once`: each request emits these at most once, and `once` wraps every listener.
    outgoing.on("response", (incoming) => {
      responded = true;
      this.#read(incoming);
    });
    outgoing.on("error", (error: Error & { code?: string }) => {
      // A kept-alive connection the server closed while it sat idle fails before any response byte:
      // nothing reached the server, so send once more on a new connection, at once.
      if (
        !responded &&
        !this.#resent &&
        this.replayable &&
        outgoing.reusedSocket &&
        STALE_SOCKET_CODES.has(error.code ?? "")
      ) {
        this.#resent = true;
        this.dropIdleSockets();
        if (!this.#settled) this.#send();
        return;
      }
      this.fail(error);
    });
  }

  fail(error: unknown): void {
    if (this.#settled) return;
    this.#finish();
    // The socket may be mid-response: destroy it rather than return it to the pool.
    this.#outgoing?.destroy();
    this.reject(error);
  }

  #read(incoming: IncomingMessage): void {
    const status = incoming.statusCode ?? 0;
    const limit = status >= 200 && status < 300 ? this.control.maxOkBytes : this.control.maxErrorBytes;
    const chunks: Buffer[] = [];
    let length = 0;
    const done = (truncated: boolean) => {
      if (this.#settled) return;
      this.#finish();
      const bytes = length === 0 ? EMPTY : chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
      this.resolve({
        status,
        statusText: incoming.statusMessage ?? "",
        headers: incomingHeaderList(incoming),
        bytes: bytes as Uint8Array<ArrayBuffer>,
        truncated,
      });
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
    incoming.on("end", () => done(false));
    incoming.on("error", (error) => this.fail(error));
    incoming.on("close", () => {
      if (!this.#settled)
        this.fail(
          Object.assign(new Error("the connection closed before the response body was complete"), {
            code: "ECONNRESET",
          }),
        );
    });
  }

  #finish(): void {
    this.#settled = true;
    clearTimeout(this.#timer);
    this.#removeAbortListener?.();
    this.#ended?.abort();
  }
}
