// Benchmark server (plain JS so it starts without a TypeScript loader): keep-alive node:http (or, with
// `--tls`, node:https with the test certificate of test/fixtures/tls) on 127.0.0.1 and a free port, a fixed
// ~1.2 KB SessionDetail (scripts/bench/session.json) for every id, 404 for "missing". Prints its URL on the
// first line of stdout; runs until killed.
import { readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";

const session = JSON.parse(readFileSync(new URL("./session.json", import.meta.url), "utf8"));
const body = Buffer.from(JSON.stringify(session));
const notFound = Buffer.from(JSON.stringify({ message: "Session not found" }));

const tls = process.argv.includes("--tls");
const fixture = (name) => readFileSync(new URL(`../../test/fixtures/tls/${name}`, import.meta.url));
const handler = (request, response) => {
  const missing = request.url?.endsWith("/missing");
  const payload = missing ? notFound : body;
  response.writeHead(missing ? 404 : 200, { "content-type": "application/json", "content-length": payload.byteLength });
  response.end(payload);
};
const server = tls
  ? createHttpsServer({ cert: fixture("localhost-cert.pem"), key: fixture("localhost-key.pem") }, handler)
  : createHttpServer(handler);
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () =>
  console.log(`${tls ? "https" : "http"}://127.0.0.1:${server.address().port} ${body.byteLength}`),
);
