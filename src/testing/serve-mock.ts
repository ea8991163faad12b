import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { HyperbrowserMock } from "./mock-upstream.js";

/** A mock served over HTTP on 127.0.0.1. */
export interface ServedMock {
  /** `http://127.0.0.1:<port>`: the base URL to give a client, Prism, or another process. */
  url: string;
  /** Stops the server and closes every connection. */
  close(): Promise<void>;
}

// Methods the Fetch standard refuses to put in a Request (it throws); the mock answers them 405.
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/**
 * Serves a {@link HyperbrowserMock} over real HTTP on 127.0.0.1 and a free port, for code that needs
 * sockets (another process, a proxy such as Prism, a non-Node service). Scenarios, sessions and call
 * records are the mock's; a `networkError` scenario resets the connection. A request the mock cannot
 * take (a `TRACE`, a target that is not a path or a valid absolute URL) gets a 405 or 400; the server
 * keeps running.
 */
export async function serveMock(mock: HyperbrowserMock): Promise<ServedMock> {
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    forward(mock, request, response).catch(() => response.socket?.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("serveMock: the server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function forward(mock: HyperbrowserMock, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const method = incoming.method ?? "GET";
  if (FORBIDDEN_METHODS.has(method.toUpperCase()))
    return refuse(outgoing, 405, `serveMock: method ${method} is not supported`);
  const target = pathOf(incoming.url ?? "/");
  if (target === undefined)
    return refuse(outgoing, 400, "serveMock: the request target is not a path or an absolute http(s) URL");
  const controller = new AbortController();
  outgoing.once("close", () => controller.abort(new Error("the client went away")));
  let request: Request;
  try {
    const headers = new Headers();
    for (let index = 0; index < incoming.rawHeaders.length; index += 2)
      headers.append(incoming.rawHeaders[index] as string, incoming.rawHeaders[index + 1] as string);
    // The mock answers on its own base URL; keep the path and query of this request.
    request = new Request(new URL(target, mock.baseUrl).href, { method, headers, signal: controller.signal });
  } catch {
    return refuse(outgoing, 400, "serveMock: the request cannot be read");
  }
  try {
    const response = await mock.handle(request);
    const body = Buffer.from(await response.arrayBuffer());
    outgoing.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": body.byteLength });
    outgoing.end(body);
  } catch {
    // A network error or a hang the client gave up on: drop the connection.
    outgoing.socket?.destroy();
  }
}

/** The path and query of an origin-form or absolute-form target; undefined for anything else. */
function pathOf(target: string): string | undefined {
  if (target.startsWith("/")) return target.startsWith("//") ? undefined : target;
  try {
    const url = new URL(target);
    return url.protocol === "http:" || url.protocol === "https:" ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}

function refuse(outgoing: ServerResponse, status: 400 | 405, message: string): void {
  const body = JSON.stringify({ message });
  outgoing.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...(status === 405 ? { allow: "GET" } : {}),
  });
  outgoing.end(body);
}
