import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  createHyperbrowserClient,
  HyperbrowserApiError,
  HyperbrowserAuthenticationError,
  HyperbrowserConnectionError,
  HyperbrowserInvalidResponseError,
  HyperbrowserNotFoundError,
  HyperbrowserRateLimitError,
  HyperbrowserServerError,
  HyperbrowserTimeoutError,
  type HyperbrowserClientOptions,
} from "../../src/index.js";
import { MAX_ERROR_BODY_BYTES } from "../../src/client-options.js";
import { findFreePort } from "../../scripts/lib/free-port.js";
import { createFakeClock, FAKE_CLOCK_EPOCH } from "../support/fake-clock.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const SESSION_BODY = JSON.stringify({ id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active" });
const JSON_TYPE = { "content-type": "application/json" };
const PROBLEM_TYPE = { "content-type": "application/problem+json" };
const TIMEOUT_MS = 300;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: (response: ServerResponse) => void): Promise<string> {
  server = await startTestServer((_request, response) => handler(response));
  return server.url;
}

// Every case runs on both transports: the default node:http one and a fetch (here Node's global one).
const TRANSPORTS: [string, typeof globalThis.fetch | undefined][] = [
  ["node:http", undefined],
  ["global fetch", (input, init) => globalThis.fetch(input, init)],
];

/** Makes clients on one transport (`fetchImpl` undefined: the default node:http one). */
function clientsOn(fetchImpl: typeof globalThis.fetch | undefined) {
  const client = (baseUrl: string, options: HyperbrowserClientOptions = {}) =>
    createHyperbrowserClient({
      apiKey: "secret-key",
      baseUrl,
      clock: createFakeClock(),
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
      ...options,
    });
  /** A call of sessions.get on a client made now, ready to be started (and timed) by {@link failure}. */
  const withClient = (baseUrl: string, options: HyperbrowserClientOptions = {}): (() => Promise<unknown>) => {
    const made = client(baseUrl, options);
    return () => made.sessions.get("s");
  };
  return { client, withClient };
}

/** Runs a call, returning its error and how long it took in real milliseconds. */
async function failure(call: () => Promise<unknown>): Promise<{ error: unknown; elapsedMs: number }> {
  // Node times a timer from the event loop's cached clock, taken when the current loop turn began: start
  // the call on a fresh turn (so making the client does not count) and time it from just before.
  await new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, elapsedMs: performance.now() - started };
}

describe.each(TRANSPORTS)("failure cases against a real socket, %s transport", (_name, fetchImpl) => {
  const { client, withClient } = clientsOn(fetchImpl);

  it("refused port → HyperbrowserConnectionError after 1 + maxRetries attempts", async () => {
    const port = await findFreePort();
    const { error } = await failure(withClient(`http://127.0.0.1:${port}`));
    expect(error).toBeInstanceOf(HyperbrowserConnectionError);
    expect(error).not.toBeInstanceOf(HyperbrowserTimeoutError);
    expect(error).toMatchObject({ attempts: 3, method: "GET", url: `http://127.0.0.1:${port}/api/session/s` });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it("reset mid-body → HyperbrowserConnectionError, retried", async () => {
    const url = await serve((response) => {
      response.writeHead(200, { ...JSON_TYPE, "content-length": "500" });
      response.write(SESSION_BODY.slice(0, 20));
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const { error } = await failure(withClient(url));
    expect(error).toBeInstanceOf(HyperbrowserConnectionError);
    expect(error).toMatchObject({ attempts: 3 });
    expect(server?.requests).toHaveLength(3);
  });

  it.each([
    ["hang before headers", (_response: ServerResponse) => undefined],
    [
      "stall after headers",
      (response: ServerResponse) => {
        response.writeHead(200, JSON_TYPE);
        response.write('{"id":');
      },
    ],
    [
      "slow trickle",
      (response: ServerResponse) => {
        response.writeHead(200, JSON_TYPE);
        const timer = setInterval(() => (response.writable ? response.write(" ") : clearInterval(timer)), 20);
        response.on("close", () => clearInterval(timer));
      },
    ],
  ])(`%s → HyperbrowserTimeoutError after timeoutMs (${TIMEOUT_MS} ms), not twice it`, async (_label, handler) => {
    const url = await serve(handler);
    const { error, elapsedMs } = await failure(withClient(url, { timeoutMs: TIMEOUT_MS, maxRetries: 0 }));
    expect(error).toBeInstanceOf(HyperbrowserTimeoutError);
    expect(error).toBeInstanceOf(HyperbrowserConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`within ${TIMEOUT_MS} ms`));
    // A few ms of slack for the loop's cached clock (see `failure`), still far from "no timeout".
    expect(elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 15);
    expect(elapsedMs).toBeLessThan(TIMEOUT_MS * 2);
  });

  it("deadlineMs bounds the whole call across attempts", async () => {
    const url = await serve(() => undefined);
    const { error, elapsedMs } = await failure(
      withClient(url, {
        timeoutMs: 200,
        deadlineMs: 500,
        maxRetries: 10,
        retry: { initialDelayMs: 10 },
        clock: undefined,
      }),
    );
    expect(error).toBeInstanceOf(HyperbrowserTimeoutError);
    // Which error ends the call depends on timing: the last attempt cut short by the deadline, or (on a
    // loaded machine, where timers fire late) a 200 ms timeout whose retry would pass the deadline.
    expect((error as Error).message).toMatch(/deadline of 500 ms|within 200 ms/);
    // Without the deadline, 10 retries of 200 ms each would take over 2.2 s and make 11 attempts.
    expect((error as HyperbrowserTimeoutError).attempts).toBeLessThanOrEqual(3);
    expect(elapsedMs).toBeLessThan(1_500);
  });

  it.each([
    [
      "200 HTML",
      200,
      "<html>hello</html>",
      { "content-type": "text/html" },
      /expected application\/json, got text\/html/,
    ],
    ["200 truncated JSON", 200, SESSION_BODY.slice(0, 25), JSON_TYPE, /not valid JSON/],
    ["200 empty", 200, "", JSON_TYPE, /empty/],
  ])("%s → HyperbrowserInvalidResponseError, not retried", async (_label, status, body, headers, message) => {
    const url = await serve((response) => send(response, status, body, headers));
    const { error } = await failure(withClient(url));
    expect(error).toBeInstanceOf(HyperbrowserInvalidResponseError);
    expect((error as Error).message).toMatch(message);
    expect(error).toMatchObject({ status: 200, attempts: 1 });
  });

  it("404 HTML → HyperbrowserNotFoundError with a status-line message", async () => {
    const url = await serve((response) =>
      send(response, 404, "<html><h1>Not Found</h1></html>", { "content-type": "text/html" }),
    );
    const { error } = await failure(withClient(url));
    expect(error).toBeInstanceOf(HyperbrowserNotFoundError);
    expect(error).toMatchObject({ status: 404, message: "404 Not Found", attempts: 1 });
  });

  it.each([
    [401, HyperbrowserAuthenticationError, 1],
    [429, HyperbrowserRateLimitError, 3],
    [500, HyperbrowserServerError, 3],
    [503, HyperbrowserServerError, 3],
  ] as const)("%i problem+json → %o, message from `detail`, %i attempt(s)", async (status, ErrorClass, attempts) => {
    const url = await serve((response) =>
      send(response, status, JSON.stringify({ type: "about:blank", title: "t", status, detail: `detail ${status}` }), {
        ...PROBLEM_TYPE,
        "x-request-id": `req-${status}`,
      }),
    );
    const { error } = await failure(withClient(url));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, message: `detail ${status}`, attempts, requestId: `req-${status}` });
    expect((error as HyperbrowserApiError).clientRequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ["Retry-After: 2 (seconds)", { "retry-after": "2" }, 2_000],
    ["retry-after-ms: 1234", { "retry-after-ms": "1234" }, 1_234],
    ["Retry-After: an HTTP date", { "retry-after": "__DATE__" }, 3_000],
  ])("429 with %s waits exactly what the server asked, then succeeds", async (_label, headers, expectedMs) => {
    let calls = 0;
    const url = await serve((response) => {
      calls += 1;
      if (calls > 1) return send(response, 200, SESSION_BODY, JSON_TYPE);
      const value = Object.fromEntries(
        Object.entries(headers).map(([name, v]) => [
          name,
          v === "__DATE__" ? new Date(FAKE_CLOCK_EPOCH + 3_000).toUTCString() : v,
        ]),
      );
      send(response, 429, "{}", { ...JSON_TYPE, ...value });
    });
    const clock = createFakeClock();
    await expect(client(url, { clock }).sessions.get("s")).resolves.toMatchObject({ status: "active" });
    expect(clock.sleeps).toEqual([expectedMs]);
  });

  it("an oversized error body is read only up to the bound and kept as a short snippet", async () => {
    const url = await serve((response) =>
      send(response, 400, "x".repeat(4 * 1024 * 1024), { "content-type": "text/plain" }),
    );
    const { error } = await failure(withClient(url));
    expect(error).toBeInstanceOf(HyperbrowserApiError);
    const apiError = error as HyperbrowserApiError;
    expect(apiError.status).toBe(400);
    expect(String(apiError.body).length).toBeLessThanOrEqual(MAX_ERROR_BODY_BYTES);
    expect(apiError.bodySnippet?.length).toBeLessThanOrEqual(201);
  });
});
