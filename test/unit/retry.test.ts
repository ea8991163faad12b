import { describe, expect, it } from "vitest";
import {
  createHyperbrowserClient,
  HyperbrowserAbortError,
  HyperbrowserApiError,
  RetryBudget,
  type HyperbrowserClientOptions,
} from "../../src/index.js";
import { DEFAULT_DEADLINE_MS } from "../../src/client-options.js";
import { CLIENT_ATTEMPT_HEADER, CLIENT_REQUEST_ID_HEADER } from "../../src/http/transport.js";
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  normalizeRetryOptions,
  parseRetryAfter,
  RETRYABLE_STATUSES,
} from "../../src/retry/retry-policy.js";
import { createFakeClock } from "../support/fake-clock.js";
import { createStubFetch, jsonResponse } from "../support/stub-fetch.js";

const OK = { id: "s", status: "active" };

function statusSequence(statuses: number[], headers: Record<string, string> = {}) {
  let index = 0;
  return createStubFetch(() => {
    const status = statuses[Math.min(index, statuses.length - 1)] ?? 200;
    index += 1;
    return status === 200 ? jsonResponse(OK) : jsonResponse({ message: `status ${status}` }, status, headers);
  });
}

function retryingClient(stub: { fetch: typeof fetch }, options: HyperbrowserClientOptions = {}) {
  const clock = createFakeClock();
  const client = createHyperbrowserClient({
    apiKey: "k",
    baseUrl: "http://127.0.0.1:1",
    fetch: stub.fetch,
    clock,
    random: () => 0,
    ...options,
  });
  return { client, clock };
}

describe("retry policy (pure)", () => {
  it("backs off exponentially from 500 ms, capped at 8 s, with up to 25% jitter removed", () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, DEFAULT_RETRY_POLICY, 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(backoffDelay(1, DEFAULT_RETRY_POLICY, 0.5)).toBe(437.5);
    expect(backoffDelay(2, DEFAULT_RETRY_POLICY, 0.999_999)).toBeCloseTo(750, 3);
  });

  it("reads retry-after-ms, Retry-After seconds and HTTP dates; ignores garbage", () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(parseRetryAfter(new Headers({ "retry-after": "1.5" }), now)).toBe(1500);
    expect(parseRetryAfter(new Headers({ "retry-after": new Date(now + 4000).toUTCString() }), now)).toBe(4000);
    expect(parseRetryAfter(new Headers({ "retry-after": new Date(now - 4000).toUTCString() }), now)).toBe(0);
    expect(parseRetryAfter(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
  });

  it.each([{ maxRetries: -1 }, { maxRetries: 1.5 }, { maxRetries: 11 }, { jitter: 2 }, { initialDelayMs: Number.NaN }])(
    "rejects %o",
    (options) => {
      expect(() => normalizeRetryOptions(options)).toThrow(TypeError);
    },
  );
});

describe("retries through the client", () => {
  it("waits the computed backoff between attempts and sends one correlation id with numbered attempts", async () => {
    const stub = statusSequence([503, 502, 200]);
    const { client, clock } = retryingClient(stub);
    await expect(client.sessions.get("s")).resolves.toEqual(OK);
    expect(clock.sleeps).toEqual([500, 1000]);
    const ids = stub.requests.map((request) => request.headers.get(CLIENT_REQUEST_ID_HEADER));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(stub.requests.map((request) => request.headers.get(CLIENT_ATTEMPT_HEADER))).toEqual(["1", "2", "3"]);
  });

  it.each([...RETRYABLE_STATUSES])("retries %i, and the final error reports every attempt", async (status) => {
    const stub = statusSequence([status]);
    const { client } = retryingClient(stub);
    const error = (await client.sessions.get("s").catch((caught: unknown) => caught)) as HyperbrowserApiError;
    expect(error.status).toBe(status);
    expect(error.attempts).toBe(3);
    expect(error.clientRequestId).toBe(stub.requests[0]?.headers.get(CLIENT_REQUEST_ID_HEADER));
    expect(stub.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 410, 422])("never retries %i", async (status) => {
    const stub = statusSequence([status]);
    const { client, clock } = retryingClient(stub);
    await expect(client.sessions.get("s")).rejects.toMatchObject({ status, attempts: 1 });
    expect(stub.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("maxRetries is per client and per call", async () => {
    const perClient = statusSequence([500]);
    await retryingClient(perClient, { maxRetries: 0 })
      .client.sessions.get("s")
      .catch(() => undefined);
    expect(perClient.requests).toHaveLength(1);
    const perCall = statusSequence([500]);
    await retryingClient(perCall, { maxRetries: 0 })
      .client.sessions.get("s", { maxRetries: 4 })
      .catch(() => undefined);
    expect(perCall.requests).toHaveLength(5);
  });

  it("does not retry when the server asks to wait longer than maxRetryAfterMs", async () => {
    const stub = statusSequence([429], { "retry-after": "120" });
    const { client, clock } = retryingClient(stub);
    await expect(client.sessions.get("s")).rejects.toMatchObject({ status: 429, attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });

  it("starts no wait that would end after the deadline", async () => {
    const stub = statusSequence([503]);
    const { client, clock } = retryingClient(stub, { deadlineMs: 1_200 });
    // 500 ms fits (0 + 500 < 1200); the next 1000 ms would end at 1500.
    await expect(client.sessions.get("s")).rejects.toMatchObject({ status: 503, attempts: 2 });
    expect(clock.sleeps).toEqual([500]);
  });

  it("the caller's signal stops a backoff wait at once, with no further attempt", async () => {
    const stub = statusSequence([503], { "retry-after": "30" });
    const client = createHyperbrowserClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1", fetch: stub.fetch });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const error = await client.sessions.get("s", { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HyperbrowserAbortError);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(stub.requests).toHaveLength(1);
  });

  it("an already-aborted signal sends nothing", async () => {
    const stub = statusSequence([200]);
    const { client } = retryingClient(stub);
    await expect(client.sessions.get("s", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      HyperbrowserAbortError,
    );
    expect(stub.requests).toHaveLength(0);
  });
});

describe("retry budget", () => {
  it("allows retries while more than half the tokens are left; failures take 1, successes give 0.2", () => {
    const frozen = { now: () => 0 };
    const budget = new RetryBudget({ minRetriesPerSecond: 0 }, frozen);
    for (let failure = 0; failure < 4; failure += 1) budget.recordFailure();
    expect(budget.tokens).toBe(6);
    expect(budget.allowsRetry()).toBe(true);
    budget.recordFailure();
    expect(budget.allowsRetry()).toBe(false);
    budget.recordSuccess();
    expect(budget.tokens).toBeCloseTo(5.2);
    expect(budget.allowsRetry()).toBe(true);
    for (let success = 0; success < 100; success += 1) budget.recordSuccess();
    expect(budget.tokens).toBe(10);
  });

  it("regains refillPerSecond tokens with time, without any success", () => {
    let now = 0;
    const budget = new RetryBudget({ minRetriesPerSecond: 0 }, { now: () => now });
    for (let failure = 0; failure < 10; failure += 1) budget.recordFailure();
    expect(budget.tokens).toBe(0);
    expect(budget.allowsRetry()).toBe(false);
    now = 10_000;
    expect(budget.tokens).toBe(5);
    expect(budget.allowsRetry()).toBe(false);
    now = 10_002;
    expect(budget.allowsRetry()).toBe(true);
    now = 3_600_000;
    expect(budget.tokens).toBe(10);
  });

  it("grants floor retries at minRetriesPerSecond when the bucket says no, saving up at most one", () => {
    let now = 0;
    const budget = new RetryBudget({ refillPerSecond: 0 }, { now: () => now });
    for (let failure = 0; failure < 10; failure += 1) budget.recordFailure();
    // The floor starts with one retry saved.
    expect(budget.allowsRetry()).toBe(true);
    expect(budget.allowsRetry()).toBe(false);
    now = 5_000;
    expect(budget.allowsRetry()).toBe(false);
    now = 10_000;
    expect(budget.allowsRetry()).toBe(true);
    now = 100_000;
    expect([budget.allowsRetry(), budget.allowsRetry()]).toEqual([true, false]);
  });

  it("rejects unusable settings", () => {
    expect(() => new RetryBudget({ maxTokens: 0 })).toThrow(/maxTokens/);
    expect(() => new RetryBudget({ refillPerSecond: -1 })).toThrow(/refillPerSecond/);
    expect(() => new RetryBudget({ minRetriesPerSecond: Number.NaN })).toThrow(/minRetriesPerSecond/);
  });

  it("separate clients have separate budgets; one client's budget caps retries across concurrent calls", async () => {
    const calls = 100;
    const separate = statusSequence([503]);
    await Promise.all(
      Array.from({ length: calls }, () =>
        retryingClient(separate)
          .client.sessions.get("s")
          .catch(() => undefined),
      ),
    );
    expect(separate.requests).toHaveLength(calls * 3);

    // Time frozen: the bucket's 5 retries above half, plus the floor's one saved retry.
    const frozenClock = { now: () => 0, wallTime: () => 0, sleep: async () => undefined };
    const shared = statusSequence([503]);
    const { client } = retryingClient(shared, { clock: frozenClock });
    await Promise.all(Array.from({ length: calls }, () => client.sessions.get("s").catch(() => undefined)));
    expect(shared.requests.length).toBeLessThanOrEqual(calls + 6);

    const unlimited = statusSequence([503]);
    const noBudget = retryingClient(unlimited, { retryBudget: false, clock: frozenClock }).client;
    await Promise.all(Array.from({ length: calls }, () => noBudget.sessions.get("s").catch(() => undefined)));
    expect(unlimited.requests).toHaveLength(calls * 3);
  });
});

describe("default deadline", () => {
  it(
    `bounds a call at DEFAULT_DEADLINE_MS (${DEFAULT_DEADLINE_MS} ms) with default options; per client and per ` +
      `call it can be changed`,
    async () => {
      const slowDown = () => statusSequence([503], { "retry-after": "30" });
      const byDefault = retryingClient(slowDown());
      const error = await byDefault.client.sessions.get("s").catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 503, attempts: 2 });
      // A second 30 s wait would end at 60 s: it is not started.
      expect(byDefault.clock.sleeps).toEqual([30_000]);

      const perClient = retryingClient(slowDown(), { deadlineMs: 100_000 });
      await perClient.client.sessions.get("s").catch(() => undefined);
      expect(perClient.clock.sleeps).toEqual([30_000, 30_000]);

      const perCall = retryingClient(slowDown());
      await perCall.client.sessions.get("s", { deadlineMs: 10_000 }).catch(() => undefined);
      expect(perCall.clock.sleeps).toEqual([]);
    },
  );
});
