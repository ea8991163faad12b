import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHyperbrowserClient, HyperbrowserTimeoutError } from "../../src/index.js";

/**
 * A proxy on 127.0.0.1 that reads the CONNECT and answers `200` after `answerAfterMs` (never when
 * undefined). It records when each of its sockets closed and whether any byte arrived after its answer
 * (a TLS ClientHello: the client used the tunnel).
 */
interface SlowProxy {
  url: string;
  connects: () => number;
  open: () => number;
  /** Sockets that were still open when the proxy answered. */
  answeredOpen: () => number;
  bytesAfterAnswer: () => number;
  close(): Promise<void>;
}

async function startSlowProxy(answerAfterMs: number | undefined): Promise<SlowProxy> {
  const sockets = new Set<Socket>();
  let connects = 0;
  let answeredOpen = 0;
  let bytesAfterAnswer = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let answered = false;
    let head = "";
    socket.on("data", (chunk: Buffer) => {
      if (answered) {
        bytesAfterAnswer += chunk.byteLength;
        return;
      }
      head += chunk.toString("latin1");
      if (!head.includes("\r\n\r\n") || !head.startsWith("CONNECT ")) return;
      connects += 1;
      if (answerAfterMs === undefined) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        answered = true;
        if (socket.destroyed || !socket.writable) return;
        answeredOpen += 1;
        socket.write("HTTP/1.1 200 Connection established\r\n\r\n");
      }, answerAfterMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    connects: () => connects,
    open: () => sockets.size,
    answeredOpen: () => answeredOpen,
    bytesAfterAnswer: () => bytesAfterAnswer,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls until `condition` holds or `withinMs` passes; returns whether it held. */
async function eventually(condition: () => boolean, withinMs: number): Promise<boolean> {
  const end = Date.now() + withinMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function proxyAndClient(answerAfterMs: number | undefined, timeoutMs: number) {
  const proxy = await startSlowProxy(answerAfterMs);
  // The target is never reached: port 9 on 127.0.0.1 would refuse, but only the proxy is dialled.
  const client = createHyperbrowserClient({
    apiKey: "hb_test_key",
    baseUrl: "https://127.0.0.1:9",
    proxy: proxy.url,
    timeoutMs,
    maxRetries: 0,
    telemetry: false,
  });
  cleanups.push(async () => {
    await client.close();
    await proxy.close();
  });
  return { proxy, client };
}

describe("a proxy CONNECT belongs to its attempt", () => {
  it("a proxy that never answers: the attempt times out on timeoutMs and its CONNECT socket is closed", async () => {
    const { proxy, client } = await proxyAndClient(undefined, 400);
    const started = Date.now();
    const error = await client.sessions.get("s").catch((caught: unknown) => caught);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(HyperbrowserTimeoutError);
    expect(elapsed).toBeLessThan(5_000);
    expect(proxy.connects()).toBe(1);
    // Before the fix the CONNECT kept its own 30 s timer and its socket stayed open.
    expect(await eventually(() => proxy.open() === 0, 3_000)).toBe(true);
    await client.close();
    expect(proxy.open()).toBe(0);
  });

  it("the deadline counts the CONNECT too", async () => {
    const { proxy, client } = await proxyAndClient(undefined, 20_000);
    const started = Date.now();
    const error = await client.sessions.get("s", { deadlineMs: 500 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HyperbrowserTimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await eventually(() => proxy.open() === 0, 3_000)).toBe(true);
  });

  it("an abort during the CONNECT rejects and destroys its socket", async () => {
    const { proxy, client } = await proxyAndClient(undefined, 20_000);
    const controller = new AbortController();
    const call = client.sessions.get("s", { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(await eventually(() => proxy.connects() === 1, 5_000)).toBe(true);
    controller.abort(new Error("caller gave up"));
    const started = Date.now();
    await call;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await eventually(() => proxy.open() === 0, 3_000)).toBe(true);
  });

  it("a proxy answering after the attempt ended: nothing is opened through it after close() resolved", async () => {
    const { proxy, client } = await proxyAndClient(1_500, 300);
    const error = await client.sessions.get("s").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HyperbrowserTimeoutError);
    await client.close();
    // Wait past the proxy's answer, with a margin, then look at what reached it.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(proxy.connects()).toBe(1);
    expect(proxy.answeredOpen()).toBe(0);
    expect(proxy.bytesAfterAnswer()).toBe(0);
    expect(proxy.open()).toBe(0);
  });
});
