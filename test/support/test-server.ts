import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** What the server saw of one request. */
export interface RecordedRequest {
  method: string;
  /** The request target exactly as it came on the wire (path and query, still percent-encoded). */
  target: string;
  headers: IncomingMessage["headers"];
}

/** A real HTTP server on 127.0.0.1 and an ephemeral port, for tests. */
export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  /** Closes the server and destroys every open connection (hung ones included). */
  close(): Promise<void>;
}

/** Starts a `node:http` server whose every request goes to `handler`; it records each request first. */
export async function startTestServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    requests.push({ method: request.method ?? "", target: request.url ?? "", headers: request.headers });
    handler(request, response);
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
  if (address === null || typeof address === "string") throw new Error("test server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Sends a complete response with a body and its length. */
export function send(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-length": Buffer.byteLength(body), ...headers });
  response.end(body);
}
