import { createServer, type Socket } from "node:net";

/** A TCP server that answers every request with bytes chosen by the test, then closes the connection. */
export interface RawHttpServer {
  url: string;
  /** Requests received (their head, as text). */
  requests: string[];
  /** The bytes sent for the next requests. */
  respondWith(bytes: Uint8Array | string): void;
  close(): Promise<void>;
}

/** Starts a raw server on 127.0.0.1 and an ephemeral port; no HTTP library shapes what it sends. */
export async function startRawHttpServer(): Promise<RawHttpServer> {
  let response: Uint8Array = Buffer.from("HTTP/1.1 204 No Content\r\n\r\n");
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let head = "";
    socket.on("data", (chunk) => {
      head += chunk.toString("latin1");
      if (!head.includes("\r\n\r\n")) return;
      requests.push(head.slice(0, head.indexOf("\r\n\r\n")));
      head = "";
      socket.end(response);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("raw server has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    respondWith(bytes) {
      response = typeof bytes === "string" ? Buffer.from(bytes, "latin1") : bytes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
