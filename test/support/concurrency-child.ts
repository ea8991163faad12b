/**
 * Run as its own process by the concurrency test: N concurrent calls against a healthy local server,
 * then everything is closed and the process must exit by itself. Prints one JSON line of results.
 */
import { createHyperbrowserClient } from "../../src/index.js";
import { send, startTestServer } from "./test-server.js";

const calls = Number(process.argv[2] ?? 1000);
let unhandled = 0;
process.on("unhandledRejection", () => {
  unhandled += 1;
});

const server = await startTestServer((_request, response) =>
  send(response, 200, JSON.stringify({ id: "s", status: "active" }), { "content-type": "application/json" }),
);
const client = createHyperbrowserClient({ apiKey: "k", baseUrl: server.url });
const started = performance.now();
const results = await Promise.allSettled(
  Array.from({ length: calls }, (_, index) => client.sessions.get(`s-${index}`)),
);
const elapsedMs = performance.now() - started;
await server.close();
const finished = performance.now();
process.on("exit", () => {
  const fulfilled = results.filter((result) => result.status === "fulfilled").length;
  console.log(
    JSON.stringify({
      calls,
      fulfilled,
      unhandled,
      elapsedMs: Math.round(elapsedMs),
      exitDelayMs: Math.round(performance.now() - finished),
    }),
  );
});
