import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { createProxy, type ProxyServer } from "proxy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/free-port.js";
import { runCommand } from "../../scripts/lib/run-command.js";

const CERT = fileURLToPath(new URL("../fixtures/tls/localhost-cert.pem", import.meta.url));
const KEY = fileURLToPath(new URL("../fixtures/tls/localhost-key.pem", import.meta.url));
const DIST = new URL("../../dist/index.js", import.meta.url).href;
const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const API_KEY = "hb_live_PROXY_TEST_KEY";
const SESSION = { id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active" };

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A real HTTP proxy (the `proxy` package), recording each request and CONNECT it handles. */
async function startRecordingProxy(credentials?: string): Promise<{ url: string; seen: Seen[]; server: ProxyServer }> {
  const seen: Seen[] = [];
  const server = createProxy(createHttpServer());
  server.prependListener("request", (request) =>
    seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers }),
  );
  server.prependListener("connect", (request) =>
    seen.push({ method: "CONNECT", url: request.url ?? "", headers: request.headers }),
  );
  if (credentials)
    server.authenticate = (request) =>
      request.headers["proxy-authorization"] === `Basic ${Buffer.from(credentials).toString("base64")}`;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { url: `http://127.0.0.1:${address.port}`, seen, server };
}

async function listen(server: Server, protocol: "http" | "https"): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return `${protocol}://127.0.0.1:${address.port}`;
}

const targetSeen: Seen[] = [];
const answer = (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => {
  targetSeen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers });
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(SESSION));
};
const httpsTarget = createHttpsServer({ cert: readFileSync(CERT), key: readFileSync(KEY) }, answer);
const httpTarget = createHttpServer(answer);
let httpsUrl: string;
let httpUrl: string;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let authProxy: Awaited<ReturnType<typeof startRecordingProxy>>;

beforeAll(async () => {
  httpsUrl = await listen(httpsTarget, "https");
  httpUrl = await listen(httpTarget, "http");
  proxy = await startRecordingProxy();
  authProxy = await startRecordingProxy("user:p@ss");
});
afterAll(async () => {
  for (const server of [httpsTarget, httpTarget, proxy.server, authProxy.server]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
beforeEach(() => {
  targetSeen.length = 0;
  proxy.seen.length = 0;
  authProxy.seen.length = 0;
});

/** Runs calls in a child process (the environment is where proxies are configured), trusting the test CA. */
async function callsInChild(
  baseUrl: string,
  env: Record<string, string>,
  options: Record<string, unknown> = {},
  calls = 2,
) {
  const script =
    `
    const { createHyperbrowserClient } = await import(${JSON.stringify(DIST)});
    const client = createHyperbrowserClient({ apiKey: ${JSON.stringify(API_KEY)}, ` +
    `baseUrl: ${JSON.stringify(baseUrl)}, ...${JSON.stringify(options)} });
    const results = [];
    for (let i = 0; i < ${calls}; i++) {
      results.push(await client.sessions.get("s").then((session) => ({ ok: session.status }), (error) => ({ ` +
    `name: error.name, message: error.message, code: error.code, attempts: error.attempts })));
    }
    await client.close();
    console.log(JSON.stringify(results));
  `;
  const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/_proxy$/i.test(name))) as Record<
    string,
    string
  >;
  const result = await runCommand(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...cleanEnv, NODE_EXTRA_CA_CERTS: CERT, ...env },
  });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as Record<string, unknown>[];
}

describe("proxies (default transport, against a real proxy server)", () => {
  it("HTTPS_PROXY: https goes through one CONNECT tunnel, kept alive; the proxy never sees the key", async () => {
    const results = await callsInChild(httpsUrl, { HTTPS_PROXY: proxy.url });
    expect(results).toEqual([{ ok: "active" }, { ok: "active" }]);
    expect(proxy.seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      `CONNECT ${new URL(httpsUrl).host}`,
    ]);
    expect(JSON.stringify(proxy.seen)).not.toContain(API_KEY);
    expect(targetSeen.map((request) => request.headers["x-api-key"])).toEqual([API_KEY, API_KEY]);
  });

  it("lower-case https_proxy and credentials in the proxy URL (Proxy-Authorization: Basic)", async () => {
    const withCredentials = authProxy.url.replace("http://", "http://user:p%40ss@");
    expect(await callsInChild(httpsUrl, { https_proxy: withCredentials }, {}, 1)).toEqual([{ ok: "active" }]);
    expect(authProxy.seen[0]?.headers["proxy-authorization"]).toBe(
      `Basic ${Buffer.from("user:p@ss").toString("base64")}`,
    );
  });

  it("a proxy refusing the credentials (407) → HyperbrowserConnectionError ERR_PROXY_AUTH, not retried", async () => {
    const results = await callsInChild(
      httpsUrl,
      { HTTPS_PROXY: authProxy.url.replace("http://", "http://user:wrong@") },
      {},
      1,
    );
    expect(results[0]).toMatchObject({ name: "HyperbrowserConnectionError", code: "ERR_PROXY_AUTH", attempts: 1 });
    expect(String(results[0]?.["message"])).toMatch(/proxy authentication required \(407\)/);
    expect(String(results[0]?.["message"])).not.toContain("wrong");
    expect(targetSeen).toEqual([]);
  });

  it("NO_PROXY host matching: the target is reached directly", async () => {
    for (const noProxy of [
      "127.0.0.1",
      "localhost,127.0.0.1",
      `127.0.0.1:${new URL(httpsUrl).port}`,
      "127.0.0.0/8",
      "*",
    ]) {
      expect(await callsInChild(httpsUrl, { HTTPS_PROXY: proxy.url, NO_PROXY: noProxy }, {}, 1)).toEqual([
        { ok: "active" },
      ]);
    }
    expect(proxy.seen).toEqual([]);
    expect(targetSeen).toHaveLength(5);
  });

  it("the proxy option overrides the environment; proxy: false turns proxies off", async () => {
    const deadProxy = `http://127.0.0.1:${await findFreePort()}`;
    expect(await callsInChild(httpsUrl, { HTTPS_PROXY: deadProxy }, { proxy: proxy.url }, 1)).toEqual([
      { ok: "active" },
    ]);
    expect(proxy.seen).toHaveLength(1);
    expect(await callsInChild(httpsUrl, { HTTPS_PROXY: deadProxy }, { proxy: false }, 1)).toEqual([{ ok: "active" }]);
    expect(proxy.seen).toHaveLength(1);
  });

  it("an unreachable proxy → HyperbrowserConnectionError, retried like any connection failure", async () => {
    const deadProxy = `http://127.0.0.1:${await findFreePort()}`;
    const [result] = await callsInChild(httpsUrl, { HTTPS_PROXY: deadProxy }, { retry: { initialDelayMs: 1 } }, 1);
    expect(result).toMatchObject({ name: "HyperbrowserConnectionError", code: "ECONNREFUSED", attempts: 3 });
  });

  it(
    "plain http through HTTP_PROXY is forwarded in absolute form, as curl does (the proxy sees that " + "request)",
    async () => {
      expect(await callsInChild(httpUrl, { HTTP_PROXY: proxy.url }, {}, 1)).toEqual([{ ok: "active" }]);
      expect(proxy.seen.map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${httpUrl}/api/session/s`]);
      expect(targetSeen).toHaveLength(1);
    },
  );

  it("an HTTPS_PROXY does not apply to http targets, nor HTTP_PROXY to https ones", async () => {
    expect(await callsInChild(httpUrl, { HTTPS_PROXY: proxy.url }, {}, 1)).toEqual([{ ok: "active" }]);
    expect(await callsInChild(httpsUrl, { HTTP_PROXY: proxy.url }, {}, 1)).toEqual([{ ok: "active" }]);
    expect(proxy.seen).toEqual([]);
  });

  it("the CLI via a proxy that never answers CONNECT exits on --timeout, not after a 30 s CONNECT timer", async () => {
    const held = new Set<Socket>();
    const silent = createNetServer((socket) => {
      held.add(socket);
      socket.on("close", () => held.delete(socket));
      socket.on("error", () => undefined);
      // Read (and ignore) the CONNECT, so that the client's close is seen.
      socket.resume();
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const address = silent.address();
      if (address === null || typeof address === "string") throw new Error("no port");
      const cleanEnv = Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !/_proxy$/i.test(name)),
      ) as Record<string, string>;
      const started = Date.now();
      const result = await runCommand(
        process.execPath,
        [
          CLI,
          "get",
          "s",
          "--api-key",
          API_KEY,
          "--base-url",
          "https://127.0.0.1:9",
          "--timeout",
          "800",
          "--retries",
          "0",
        ],
        {
          env: { ...cleanEnv, HTTPS_PROXY: `http://127.0.0.1:${address.port}` },
        },
      );
      const elapsed = Date.now() - started;
      expect(result.code).toBe(6);
      expect(result.stderr).toMatch(/HyperbrowserTimeoutError/);
      // Node's start-up on a loaded machine takes seconds; the old CONNECT timer held the process 30 s.
      expect(elapsed).toBeLessThan(15_000);
      // The process is gone, so its socket is too: the proxy sees it close a moment later.
      for (let waited = 0; held.size > 0 && waited < 3_000; waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(held.size).toBe(0);
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
