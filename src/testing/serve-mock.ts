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

/**
 * Serves a {@link HyperbrowserMock} over real HTTP on 127.0.0.1 and a free port, for code that needs
 * sockets (another process, a proxy such as Prism, a non-Node service). Scenarios, sessions and call
 * records are the mock's; a `networkError` scenario resets the connection.
 */
export async function serveMock(mock: HyperbrowserMock): Promise<ServedMock> {
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => void forward(mock, request, response));
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
  const controller = new AbortController();
  outgoing.once("close", () => controller.abort(new Error("the client went away")));
  const headers = new Headers();
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) headers.append(incoming.rawHeaders[index] as string, incoming.rawHeaders[index + 1] as string);
  // The mock answers on its own base URL; keep the path and query of this request.
  const request = new Request(new URL(incoming.url ?? "/", mock.baseUrl).href, {
    method: incoming.method ?? "GET",
    headers,
    signal: controller.signal,
  });
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
