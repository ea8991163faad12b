import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { ConnectionOptions, TLSSocket } from "node:tls";
import { bracketHost, unbracketHost } from "../internal/host.js";
import { onAbort } from "../internal/abort-listener.js";
import { limitPendingConnections } from "./pending-connection-limit.js";
import { proxyAbandoned, proxyBadAnswer, proxyConnectionError, proxyRefusal } from "./proxy-errors.js";

type HttpModule = typeof import("node:http");
type HttpsModule = typeof import("node:https");
type TlsModule = typeof import("node:tls");

/** Node's modules the tunnel needs, passed in so this file loads nothing by itself. */
export interface TunnelModules {
  http: HttpModule;
  https: HttpsModule;
  tls: TlsModule;
}

/**
 * Request option (`http.request({ [ATTEMPT_SIGNAL]: signal })`) naming the attempt a new connection is
 * made for: Node hands request options on to `createConnection`, so the CONNECT it opens is torn down
 * when that attempt ends, and its time is the attempt's time (there is no timer of its own).
 */
export const ATTEMPT_SIGNAL = Symbol("hyperbrowser.attemptSignal");

/**
 * `Proxy-Authorization` for a proxy URL with credentials (Basic, as curl sends it). The URL comes from
 * `resolveProxySettings`, which has checked that its credentials decode.
 */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined;
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return `Basic ${Buffer.from(credentials).toString("base64")}`;
}

/**
 * An `https.Agent` whose connections are CONNECT tunnels through `proxy`, with TLS to the target set
 * up inside the tunnel: the proxy sees the target's host and port, never the request, its headers or
 * the API key. Connections are pooled and kept alive like direct ones.
 */
export function createTunnelingAgent(
  modules: TunnelModules,
  proxy: URL,
  agentOptions: import("node:https").AgentOptions,
): import("node:https").Agent {
  const authorization = proxyAuthorization(proxy);
  class TunnelingAgent extends modules.https.Agent {
    // Aborted by destroy(): a CONNECT still pending when the client closes is torn down with the rest.
    readonly #closed = new AbortController();

    override createConnection(
      requestOptions: import("node:http").RequestOptions,
      callback?: (error: Error | null, socket: import("node:stream").Duplex) => void,
    ): undefined {
      const options = requestOptions as ConnectionOptions & {
        host?: string;
        port?: number;
        [ATTEMPT_SIGNAL]?: AbortSignal;
      };
      const host = options.servername || options.host || "localhost";
      const port = options.port ?? 443;
      const attempt = options[ATTEMPT_SIGNAL];
      const signal = attempt ? AbortSignal.any([attempt, this.#closed.signal]) : this.#closed.signal;
      openTunnel(modules, proxy, authorization, `${bracketHost(options.host ?? host)}:${port}`, signal).then(
        (socket) => {
          const secure: TLSSocket = modules.tls.connect({
            ...options,
            socket,
            servername: isIp(host) ? undefined : host,
          } as ConnectionOptions);
          // The handshake is awaited here, so that a tunnel carrying something other than TLS is
          // reported as the proxy's failure, and an attempt ending meanwhile tears it down.
          const removeAbortListener = onAbort(signal, () => secure.destroy(proxyAbandoned(proxy.host)));
          const onError = (error: Error) => {
            removeAbortListener();
            secure.destroy();
            callback?.(
              signal.aborted ? proxyAbandoned(proxy.host) : proxyConnectionError(proxy.host, error, "tls"),
              undefined as never,
            );
          };
          secure.once("error", onError);
          secure.once("secureConnect", () => {
            removeAbortListener();
            secure.off("error", onError);
            callback?.(null, secure);
          });
        },
        (error: Error) => callback?.(error, undefined as never),
      );
      return undefined;
    }

    override destroy(): void {
      this.#closed.abort();
      super.destroy();
    }
  }
  const agent = new TunnelingAgent(agentOptions);
  // Tunnels take a round trip to the proxy before Node's agent counts them: count them from the start.
  limitPendingConnections(agent, agentOptions.maxSockets ?? Infinity);
  return agent;
}

/**
 * Opens a CONNECT tunnel to `authority` (`host:port`) through `proxy`; resolves with the raw socket.
 * When `signal` aborts first, the CONNECT's socket is destroyed and the promise rejects.
 */
function openTunnel(
  modules: TunnelModules,
  proxy: URL,
  authorization: string | undefined,
  authority: string,
  signal: AbortSignal,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(proxyAbandoned(proxy.host));
      return;
    }
    const secureProxy = proxy.protocol === "https:";
    const connect = (secureProxy ? modules.https : modules.http).request({
      host: unbracketHost(proxy.hostname),
      port: proxy.port || (secureProxy ? 443 : 80),
      method: "CONNECT",
      path: authority,
      headers: { host: authority, ...(authorization ? { "proxy-authorization": authorization } : {}) },
      agent: false,
    });
    const removeAbortListener = onAbort(signal, () => connect.destroy(proxyAbandoned(proxy.host)));
    connect.once("connect", (response: IncomingMessage, socket: Socket, head: Buffer) => {
      removeAbortListener();
      if (response.statusCode === 200 && head.byteLength === 0) {
        resolve(socket);
        return;
      }
      socket.destroy();
      // Bytes after the 200 would be read as the target's TLS: the tunnel is unusable.
      reject(
        response.statusCode === 200
          ? proxyBadAnswer(proxy.host, "bytes after its 200 to CONNECT")
          : proxyRefusal(proxy.host, response.statusCode ?? 0),
      );
    });
    connect.once("error", (error: Error & { code?: unknown }) => {
      removeAbortListener();
      if (signal.aborted) reject(proxyAbandoned(proxy.host));
      else if (typeof error.code === "string" && error.code.startsWith("HPE_"))
        reject(proxyBadAnswer(proxy.host, `the answer to CONNECT is not HTTP (${error.code})`));
      else reject(proxyConnectionError(proxy.host, error, "connect"));
    });
    connect.end();
  });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(":");
}
