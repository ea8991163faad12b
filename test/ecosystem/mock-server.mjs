import { createServer } from "node:http";

/**
 * The API as the cells need it, on 127.0.0.1 and a free port: `ok-*` answers a session, `flaky-*`
 * answers 503 the first time and a session after, `slow-*` answers after 3 s (past the client's timeout).
 */
export async function startMockServer() {
  const seen = new Set();
  const pending = new Set();
  const server = createServer((request, response) => {
    const id = decodeURIComponent(request.url?.split("/").pop() ?? "");
    const answer = () => {
      if (response.destroyed) return;
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ id, status: "active" }));
    };
    if (id.startsWith("flaky-") && !seen.has(id)) {
      seen.add(id);
      response.writeHead(503, { "content-type": "application/json", "retry-after": "0" });
      response.end(JSON.stringify({ message: "try again" }));
    } else if (id.startsWith("slow-")) {
      const timer = setTimeout(answer, 3_000);
      pending.add(timer);
      response.on("close", () => clearTimeout(timer));
    } else {
      answer();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
