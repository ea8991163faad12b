import { describe, expect, it } from "vitest";
import { createHyperbrowserClient, HyperbrowserAbortError, HyperbrowserTimeoutError } from "../../src/index.js";
import { createFakeClock } from "../support/fake-clock.js";

// A `fetch` passed by the caller may ignore the signal it is given (an old polyfill, a hand-written stub, a
// runtime bug under load). The attempt's timeout and the caller's abort must hold all the same, and a body
// the attempt no longer reads must be cancelled, not left streaming.

const TIMEOUT_MS = 100;

/** A body that sends a space every 10 ms until it is cancelled; `cancelled` says whether it was. */
function endlessBody() {
  const state = { cancelled: false };
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setInterval(() => controller.enqueue(new TextEncoder().encode(" ")), 10);
    },
    cancel() {
      state.cancelled = true;
      clearInterval(timer);
    },
  });
  return { stream, state };
}

function clientWith(fetch: typeof globalThis.fetch) {
  return createHyperbrowserClient({
    apiKey: "k",
    baseUrl: "http://127.0.0.1:1",
    fetch,
    clock: createFakeClock(),
    timeoutMs: TIMEOUT_MS,
    maxRetries: 0,
  });
}

async function timed(promise: Promise<unknown>): Promise<{ error: unknown; elapsedMs: number }> {
  const started = performance.now();
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, elapsedMs: performance.now() - started };
}

describe("a fetch that ignores its signal", () => {
  it("never answering: the call still times out after timeoutMs", async () => {
    const client = clientWith(() => new Promise<Response>(() => undefined));
    const { error, elapsedMs } = await timed(client.sessions.get("s"));
    expect(error).toBeInstanceOf(HyperbrowserTimeoutError);
    expect(elapsedMs).toBeLessThan(TIMEOUT_MS * 20);
  });

  it("answering with an endless body: the call times out and the body is cancelled", async () => {
    const body = endlessBody();
    const client = clientWith(() =>
      Promise.resolve(new Response(body.stream, { headers: { "content-type": "application/json" } })),
    );
    const { error, elapsedMs } = await timed(client.sessions.get("s"));
    expect(error).toBeInstanceOf(HyperbrowserTimeoutError);
    expect(elapsedMs).toBeLessThan(TIMEOUT_MS * 20);
    expect(body.state.cancelled).toBe(true);
  });

  it("answering after the timeout: the late answer's body is cancelled", async () => {
    const body = endlessBody();
    let answered = false;
    const client = clientWith(
      () =>
        new Promise<Response>((resolve) =>
          setTimeout(() => {
            answered = true;
            resolve(new Response(body.stream, { headers: { "content-type": "application/json" } }));
          }, TIMEOUT_MS * 2),
        ),
    );
    const { error } = await timed(client.sessions.get("s"));
    expect(error).toBeInstanceOf(HyperbrowserTimeoutError);
    expect(answered).toBe(false);
    await expect.poll(() => body.state.cancelled, { timeout: TIMEOUT_MS * 20 }).toBe(true);
  });

  it("the caller's abort ends the call at once, mid-body", async () => {
    const body = endlessBody();
    const client = createHyperbrowserClient({
      apiKey: "k",
      baseUrl: "http://127.0.0.1:1",
      fetch: () => Promise.resolve(new Response(body.stream, { headers: { "content-type": "application/json" } })),
      clock: createFakeClock(),
      timeoutMs: 60_000,
      maxRetries: 0,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const { error, elapsedMs } = await timed(client.sessions.get("s", { signal: controller.signal }));
    expect(error).toBeInstanceOf(HyperbrowserAbortError);
    expect(elapsedMs).toBeLessThan(5_000);
    expect(body.state.cancelled).toBe(true);
  });
});
