import type { Agent as HttpAgent } from "node:http";
import { createTunnelingAgent, proxyAuthorization, type TunnelModules } from "./proxy-tunnel.js";
import type { ProxyResolver } from "./proxy-settings.js";
import { unbracketHost } from "../internal/host.js";

/** How a request to one origin travels: which module, agent, host and path form. */
export interface Route {
  module: TunnelModules["http"] | TunnelModules["https"];
  agent: HttpAgent;
  /** Where the TCP connection goes (the target, or an http-forwarding proxy). */
  host: string;
  port: string;
  /** True when the request line must carry the absolute URL (forwarded through an http proxy). */
  absoluteForm: boolean;
  /** Headers a forwarding proxy needs (`proxy-authorization`). */
  proxyHeaders: Record<string, string> | undefined;
  /** True when new connections are CONNECT tunnels, which must know the attempt they are opened for. */
  tunnels: boolean;
}

/** Agent settings shared by every pool of a client. */
export interface PoolSettings {
  maxSockets: number;
}

// Idle keep-alive sockets close after this long, as on Node's global agent: most servers drop idle
// connections after 5 s or more, and a socket kept longer is likely to be stale when reused.
const IDLE_SOCKET_TIMEOUT_MS = 4_000;

/**
 * The connection pools of one client: a keep-alive agent per protocol and proxy, each holding at most
 * `maxSockets` connections per origin (requests queue beyond that).
 */
export class ConnectionPools {
  readonly #agents = new Map<string, HttpAgent>();
  readonly #routes = new Map<string, Route>();

  constructor(
    private readonly modules: TunnelModules,
    private readonly settings: PoolSettings,
    private readonly proxyFor: ProxyResolver,
  ) {}

  /** The route for an origin (`https://host:port`), computed once per origin. */
  route(originKey: string): Route {
    let route = this.#routes.get(originKey);
    if (!route) {
      route = this.#createRoute(new URL(originKey));
      // A client talks to one origin; the bound only guards against unbounded growth.
      if (this.#routes.size < 16) this.#routes.set(originKey, route);
    }
    return route;
  }

  /** Destroys the idle sockets of every pool (the server may have closed them). */
  destroyIdle(): void {
    for (const agent of this.#agents.values()) {
      for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
    }
  }

  /** Destroys every socket, busy or idle. */
  destroy(): void {
    for (const agent of this.#agents.values()) agent.destroy();
    this.#agents.clear();
    this.#routes.clear();
  }

  #createRoute(target: URL): Route {
    const hostname = unbracketHost(target.hostname);
    const secure = target.protocol === "https:";
    const port = target.port || (secure ? "443" : "80");
    const proxy = this.proxyFor(target);
    const options = {
      keepAlive: true,
      maxSockets: this.settings.maxSockets,
      scheduling: "lifo" as const,
      timeout: IDLE_SOCKET_TIMEOUT_MS,
    };
    if (!proxy) {
      const module = secure ? this.modules.https : this.modules.http;
      return {
        module,
        agent: this.#agent(target.protocol, () => new module.Agent(options)),
        host: hostname,
        port,
        absoluteForm: false,
        proxyHeaders: undefined,
        tunnels: false,
      };
    }
    if (secure) {
      const agent = this.#agent(`tunnel ${proxy.href}`, () => createTunnelingAgent(this.modules, proxy, options));
      return {
        module: this.modules.https,
        agent,
        host: hostname,
        port,
        absoluteForm: false,
        proxyHeaders: undefined,
        tunnels: true,
      };
    }
    // Plain http through a proxy: the request goes to the proxy with the absolute URL (as curl does).
    const proxySecure = proxy.protocol === "https:";
    const module = proxySecure ? this.modules.https : this.modules.http;
    const authorization = proxyAuthorization(proxy);
    return {
      module,
      agent: this.#agent(`forward ${proxy.href}`, () => new module.Agent(options)),
      host: unbracketHost(proxy.hostname),
      port: proxy.port || (proxySecure ? "443" : "80"),
      absoluteForm: true,
      proxyHeaders: authorization ? { "proxy-authorization": authorization } : undefined,
      tunnels: false,
    };
  }

  #agent(key: string, create: () => HttpAgent): HttpAgent {
    let agent = this.#agents.get(key);
    if (!agent) {
      agent = create();
      this.#agents.set(key, agent);
    }
    return agent;
  }
}
