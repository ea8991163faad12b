import { readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { exitCodeFor, EXIT } from "../../src/cli/exit-codes.js";
import { createHyperbrowserClient, HyperbrowserConnectionError } from "../../src/index.js";

/** A misbehaving proxy on 127.0.0.1: `onConnect` gets the socket once a CONNECT head has arrived. */
async function startProxy(onConnect: (socket: Socket) => void): Promise<{ host: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let head = "";
    const onData = (chunk: Buffer) => {
      head += chunk.toString("latin1");
      if (!head.includes("\r\n\r\n")) return;
      socket.off("data", onData);
      onConnect(socket);
    };
    socket.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    host: `127.0.0.1:${address.port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function callThrough(onConnect: (socket: Socket) => void) {
  const proxy = await startProxy(onConnect);
  const client = createHyperbrowserClient({
    apiKey: "hb_test_key",
    baseUrl: "https://127.0.0.1:9",
    proxy: `http://user:pr0xy-s3cret@${proxy.host}`,
    timeoutMs: 5_000,
    retry: { initialDelayMs: 1 },
    telemetry: false,
  });
  cleanups.push(async () => {
    await client.close();
    await proxy.close();
  });
  const error = await client.sessions.get("s").catch((caught: unknown) => caught);
  return { error: error as HyperbrowserConnectionError, proxy };
}

function expectProxyConnectionFailure(error: HyperbrowserConnectionError, proxyHost: string, attempts: number): void {
  expect(error).toBeInstanceOf(HyperbrowserConnectionError);
  expect(error.message).toContain(`proxy ${proxyHost}`);
  expect(error.message).not.toMatch(/server's answer|openssl|\.c:\d+|routines/i);
  expect(error.message).not.toContain("pr0xy-s3cret");
  expect(error.attempts).toBe(attempts);
  expect(exitCodeFor(error)).toBe(EXIT.network);
}

describe("a proxy's failure is reported as the proxy's connection failure", () => {
  it("a non-HTTP answer to CONNECT: the proxy is named, not retried, CLI exit 6", async () => {
    const { error, proxy } = await callThrough((socket) =>
      socket.end("SSH-2.0-OpenSSH_9.6\r\nnot http at all\r\n\r\n"),
    );
    expectProxyConnectionFailure(error, proxy.host, 1);
    expect(error.code).toBe("ERR_PROXY_BAD_ANSWER");
    expect(error.message).toMatch(/not HTTP/);
  });

  it("a 200 with extra bytes after it is not a refusal with status 200", async () => {
    const { error, proxy } = await callThrough((socket) =>
      socket.write("HTTP/1.1 200 Connection established\r\n\r\nEXTRA"),
    );
    expectProxyConnectionFailure(error, proxy.host, 1);
    expect(error.code).toBe("ERR_PROXY_BAD_ANSWER");
    expect(error.message).not.toMatch(/refused the tunnel with status 200/);
  });

  it("a 200 then garbage instead of TLS: no OpenSSL text, not retried", async () => {
    const { error, proxy } = await callThrough((socket) => {
      socket.write("HTTP/1.1 200 Connection established\r\n\r\n");
      socket.once("data", () => socket.write("HTTP/1.1 400 Bad Request\r\n\r\ngarbage garbage garbage"));
    });
    expectProxyConnectionFailure(error, proxy.host, 1);
    expect(error.code).toBe("ERR_PROXY_BAD_ANSWER");
    expect(error.message).toMatch(/did not carry TLS/);
  });

  it("a refusal names the proxy and keeps its status", async () => {
    const { error, proxy } = await callThrough((socket) =>
      socket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n"),
    );
    expectProxyConnectionFailure(error, proxy.host, 1);
    expect(error.code).toBe("ERR_PROXY_REFUSED");
    expect(error.message).toMatch(/refused the tunnel with status 403/);
  });

  it("an unreachable proxy is named, and retried like any refused connection", async () => {
    const proxy = await startProxy(() => undefined);
    await proxy.close();
    const client = createHyperbrowserClient({
      apiKey: "hb_test_key",
      baseUrl: "https://127.0.0.1:9",
      proxy: `http://${proxy.host}`,
      retry: { initialDelayMs: 1 },
      telemetry: false,
    });
    cleanups.push(() => client.close());
    const error = (await client.sessions.get("s").catch((caught: unknown) => caught)) as HyperbrowserConnectionError;
    expect(error).toBeInstanceOf(HyperbrowserConnectionError);
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.message).toContain(`proxy ${proxy.host}: unreachable (ECONNREFUSED)`);
    expect(error.attempts).toBe(3);
  });

  it("an https proxy whose certificate is not trusted: named, not retried, no OpenSSL text", async () => {
    const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url)));
    // The fixture's certificate is not trusted by this process: the TLS connection to the proxy fails.
    const server = createTlsServer(
      { cert: fixture("localhost-cert.pem"), key: fixture("localhost-key.pem") },
      (socket) => socket.on("error", () => undefined),
    );
    server.on("tlsClientError", () => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    const host = `127.0.0.1:${address.port}`;
    const client = createHyperbrowserClient({
      apiKey: "hb_test_key",
      baseUrl: "https://127.0.0.1:9",
      proxy: `https://user:pr0xy-s3cret@${host}`,
      retry: { initialDelayMs: 1 },
      telemetry: false,
    });
    cleanups.push(async () => {
      await client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const error = (await client.sessions.get("s").catch((caught: unknown) => caught)) as HyperbrowserConnectionError;
    expectProxyConnectionFailure(error, host, 1);
    expect(error.message).toContain(`proxy ${host}: TLS to the proxy failed (${String(error.code)})`);
  });
});
