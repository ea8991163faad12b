import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { ConnectionOptions, TLSSocket } from "node:tls";
import { bracketHost, unbracketHost } from "../internal/host.js";

type HttpModule = typeof import("node:http");
type HttpsModule = typeof import("node:https");
type TlsModule = typeof import("node:tls");

/** Node's modules the tunnel needs, passed in so this file loads nothing by itself. */
export interface TunnelModules {
  http: HttpModule;
  https: HttpsModule;
  tls: TlsModule;
}

const CONNECT_TIMEOUT_MS = 30_000;

/** `Proxy-Authorization` for a proxy URL with credentials (Basic, as curl sends it). */
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
export function createTunnelingAgent(modules: TunnelModules, proxy: URL, agentOptions: import("node:https").AgentOptions): import("node:https").Agent {
  class TunnelingAgent extends modules.https.Agent {
    override createConnection(requestOptions: import("node:http").RequestOptions, callback?: (error: Error | null, socket: import("node:stream").Duplex) => void): undefined {
      const options = requestOptions as ConnectionOptions & { host?: string; port?: number };
      const host = options.servername || options.host || "localhost";
      const port = options.port ?? 443;
      openTunnel(modules, proxy, `${bracketHost(options.host ?? host)}:${port}`).then(
        (socket) => {
          const secure: TLSSocket = modules.tls.connect({ ...options, socket, servername: isIp(host) ? undefined : host } as ConnectionOptions);
          callback?.(null, secure);
        },
        (error: Error) => callback?.(error, undefined as never),
      );
      return undefined;
    }
  }
  return new TunnelingAgent(agentOptions);
}

/** Opens a CONNECT tunnel to `authority` (`host:port`) through `proxy`; resolves with the raw socket. */
function openTunnel(modules: TunnelModules, proxy: URL, authority: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const authorization = proxyAuthorization(proxy);
    const secureProxy = proxy.protocol === "https:";
    const connect = (secureProxy ? modules.https : modules.http).request({
      host: unbracketHost(proxy.hostname),
      port: proxy.port || (secureProxy ? 443 : 80),
      method: "CONNECT",
      path: authority,
      headers: { host: authority, ...(authorization ? { "proxy-authorization": authorization } : {}) },
      agent: false,
      timeout: CONNECT_TIMEOUT_MS,
    });
    connect.once("connect", (response: IncomingMessage, socket: Socket, head: Buffer) => {
      if (response.statusCode === 200 && head.byteLength === 0) {
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(proxyRefusal(response.statusCode ?? 0));
    });
    connect.once("timeout", () => connect.destroy(Object.assign(new Error(`proxy did not answer CONNECT within ${CONNECT_TIMEOUT_MS} ms`), { code: "ETIMEDOUT" })));
    connect.once("error", reject);
    connect.end();
  });
}

function proxyRefusal(status: number): Error {
  // 407 and 403 will not change on another attempt; a proxy's 5xx (upstream unreachable) may.
  const code = status === 407 ? "ERR_PROXY_AUTH" : status >= 500 ? "ERR_PROXY_UNAVAILABLE" : "ERR_PROXY_REFUSED";
  const reason = status === 407 ? "proxy authentication required (407)" : `the proxy refused the tunnel with status ${status}`;
  return Object.assign(new Error(reason), { code });
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(":");
}

