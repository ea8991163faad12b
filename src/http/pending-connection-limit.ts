import type { Agent, ClientRequest } from "node:http";
import type { Duplex } from "node:stream";

type Callback = (error: Error | null, socket?: Duplex) => void;
type Options = Record<PropertyKey, unknown>;

/** The parts of Node's `Agent` this module relies on that @types/node does not declare. */
interface AgentInternals {
  createSocket(request: ClientRequest, options: Options, callback: Callback): void;
  requests: Record<string, ClientRequest[] | undefined>;
  sockets: Record<string, unknown[] | undefined>;
  getName(options: Options): string;
}

/**
 * Makes `agent` count connections still being opened against `maxSockets`. Node's agent counts a
 * socket only once an asynchronous `createConnection` has called back, so while CONNECT tunnels are
 * being set up it would open one per request. Here a request that finds `maxSockets` connections open
 * or opening for its origin waits in the agent's own queue, and is served as Node serves it: by the
 * next connection freed, or by a new one when a connection closes or one being opened fails.
 */
export function limitPendingConnections(agent: Agent, maxSockets: number): void {
  const internals = agent as unknown as AgentInternals;
  const createSocket = internals.createSocket.bind(agent);
  const pending = new Map<string, number>();
  // A queued request's own options: the connection opened for it must carry its attempt, not another's.
  const queuedOptions = new WeakMap<ClientRequest, Options>();

  const limited = (request: ClientRequest, options: Options, callback: Callback): void => {
    const own = queuedOptions.get(request) ?? options;
    const name = internals.getName(own);
    const opening = pending.get(name) ?? 0;
    if ((internals.sockets[name]?.length ?? 0) + opening >= maxSockets) {
      if (!queuedOptions.has(request)) {
        queuedOptions.set(request, own);
        (internals.requests[name] ??= []).push(request);
      }
      return;
    }
    pending.set(name, opening + 1);
    createSocket(request, own, (error, socket) => {
      const left = (pending.get(name) ?? 1) - 1;
      if (left === 0) pending.delete(name);
      else pending.set(name, left);
      callback(error, socket);
      if (error) serveNext(name);
    });
  };

  // After a failed opening, a waiting request gets its own attempt at a connection (Node's
  // removeSocket does the same when a connection closes).
  const serveNext = (name: string): void => {
    const queue = internals.requests[name];
    while (queue?.[0]?.destroyed) queue.shift();
    const next = queue?.shift();
    if (queue?.length === 0) delete internals.requests[name];
    if (!next) return;
    const options = queuedOptions.get(next);
    queuedOptions.delete(next);
    if (!options) return;
    limited(next, options, (error, socket) => {
      if (error)
        (next as unknown as { onSocket(socket: Duplex | undefined, error: Error): void }).onSocket(socket, error);
      else socket?.emit("free");
    });
  };

  internals.createSocket = limited;
}
