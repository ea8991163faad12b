import { afterEach, describe, expect, it } from "vitest";
import { responseValidators } from "../../generated/response-validators.js";
import {
  HyperbrowserAuthenticationError,
  HyperbrowserConnectionError,
  HyperbrowserInvalidResponseError,
  HyperbrowserNotFoundError,
  HyperbrowserRateLimitError,
  HyperbrowserServerError,
  HyperbrowserTimeoutError,
  type SessionDetail,
} from "../../src/index.js";
import {
  buildErrorResponse,
  buildSessionDetail,
  createHyperbrowserMock,
  createTestClock,
  type HyperbrowserMock,
} from "../../src/testing/index.js";

const validate200 = responseValidators["GET /api/session/{id}"]?.["200"];
const mocks: HyperbrowserMock[] = [];
const track = (mock: HyperbrowserMock) => (mocks.push(mock), mock);

// Everything a mock answered from its sessions with a 2xx must be valid against openapi.json; only the
// deliberately broken scenarios may not be.
afterEach(() => {
  const answered = mocks.splice(0).flatMap((mock) => mock.calls);
  for (const call of answered) {
    if (call.status === undefined || call.status >= 300 || call.answer === "invalid" || call.answer === "malformed")
      continue;
    expect(validate200?.(call.body), `${call.path}: ${JSON.stringify(validate200?.errors)}`).toBe(true);
  }
});

describe("buildSessionDetail / buildErrorResponse", () => {
  it("builds a realistic, spec-valid session: UUIDs, ISO dates, millisecond strings, URLs, a launch state", () => {
    const session = buildSessionDetail();
    expect(validate200?.(session)).toBe(true);
    expect(session.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(session.teamId).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.status).toBe("active");
    expect(session.startTime).toMatch(/^\d{13}$/);
    expect(session.endTime).toBeNull();
    expect(new Date(session.createdAt ?? "").toISOString()).toBe(session.createdAt);
    expect(session.liveUrl).toMatch(
      new RegExp(`^https://app\\.hyperbrowser\\.ai/live\\?sessionId=${session.id}&token=`),
    );
    expect(session.wsEndpoint).toMatch(/^wss:\/\/connect\.hyperbrowser\.ai\//);
    expect(session.launchState?.screen).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
    expect(JSON.stringify(session)).not.toMatch(/"string"/);
  });

  it("is deterministic with a seed, different across seeds", () => {
    expect(buildSessionDetail({}, { seed: 42 })).toEqual(buildSessionDetail({}, { seed: 42 }));
    expect(buildSessionDetail({}, { seed: 42 }).id).not.toBe(buildSessionDetail({}, { seed: 43 }).id);
  });

  it("deep-merges overrides; undefined removes a field; a closed session has ended", () => {
    const session = buildSessionDetail(
      { status: "closed", launchState: { screen: { width: 800 } }, token: undefined },
      { seed: 1 },
    );
    expect(session.status).toBe("closed");
    expect(Number(session.endTime)).toBeGreaterThan(Number(session.startTime));
    expect(session.launchState?.screen).toEqual({
      width: 800,
      height: buildSessionDetail({}, { seed: 1 }).launchState?.screen?.height,
    });
    expect(session).not.toHaveProperty("token");
  });

  it.each([
    [{ status: "paused" }, /\/status must be equal to one of the allowed values/],
    [{ startTime: 1_764_147_600_000 }, /\/startTime must be string/],
    [{ id: "not-a-uuid" }, /\/id must match format "uuid"/],
    [{ launchState: { screen: { width: "wide" } } }, /\/launchState\/screen\/width must be number/],
  ])("an override that breaks the spec (%j) throws a TypeError naming the JSON pointer", (overrides, message) => {
    expect(() => buildSessionDetail(overrides as never)).toThrow(TypeError);
    expect(() => buildSessionDetail(overrides as never)).toThrow(message);
  });

  it("builds the spec's ErrorResponse, checked the same way", () => {
    expect(buildErrorResponse()).toEqual({ message: "Session not found" });
    expect(buildErrorResponse({ message: "gone" })).toEqual({ message: "gone" });
    expect(() => buildErrorResponse({ message: 404 as unknown as string })).toThrow(/\/message must be string/);
  });
});

describe("createHyperbrowserMock", () => {
  it(
    "answers from its sessions, 404s an unknown id with the spec's ErrorResponse, and records calls with the " +
      "key redacted",
    async () => {
      const mock = track(createHyperbrowserMock({ apiKey: "secret-test-key" }));
      const session = mock.add({ status: "active" }, { seed: 3 });
      const client = mock.client();
      await expect(client.sessions.get(session.id as string)).resolves.toEqual(session);
      const missing = await client.sessions.get("missing").catch((error: unknown) => error);
      expect(missing).toBeInstanceOf(HyperbrowserNotFoundError);
      expect(missing).toMatchObject({ message: "Session not found", status: 404 });
      expect(mock.calls.map(({ method, path, id, answer, status }) => ({ method, path, id, answer, status }))).toEqual([
        { method: "GET", path: `/api/session/${session.id}`, id: session.id, answer: "session", status: 200 },
        { method: "GET", path: "/api/session/missing", id: "missing", answer: "not found", status: 404 },
      ]);
      expect(mock.calls[0]?.headers["x-api-key"]).toBe("[REDACTED]");
      expect(JSON.stringify(mock.calls)).not.toContain("secret-test-key");
      expect(mock.remove(session.id as string)).toBe(true);
      await expect(client.sessions.get(session.id as string)).rejects.toBeInstanceOf(HyperbrowserNotFoundError);
    },
  );

  it("checks the API key: a wrong key gets 401", async () => {
    const mock = track(createHyperbrowserMock());
    const session = mock.add();
    await expect(mock.client({ apiKey: "wrong" }).sessions.get(session.id as string)).rejects.toBeInstanceOf(
      HyperbrowserAuthenticationError,
    );
    expect(mock.calls[0]).toMatchObject({ answer: "unauthorized", status: 401 });
  });

  it("refuses sessions that break the spec", () => {
    const invalid = { ...buildSessionDetail(), status: "paused" } as unknown as SessionDetail;
    expect(() => createHyperbrowserMock({ sessions: [invalid] })).toThrow(
      /\/status must be equal to one of the allowed values/,
    );
  });
});

describe("scenarios through the client's real retry, budget and deadline code, in virtual time", () => {
  it("retries a 503 twice (Retry-After 1 s), then succeeds", async () => {
    const clock = createTestClock();
    const mock = track(createHyperbrowserMock({ clock }));
    const session = mock.add();
    mock.respond({ kind: "status", status: 503, retryAfter: 1 }, { times: 2 });
    const started = performance.now();
    await expect(clock.run(mock.client().sessions.get(session.id as string))).resolves.toEqual(session);
    expect(mock.calls.map((call) => call.status)).toEqual([503, 503, 200]);
    expect(clock.sleeps).toEqual([1_000, 1_000]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("gives up at the deadline against a hanging upstream, in milliseconds of real time", async () => {
    const clock = createTestClock();
    const mock = track(createHyperbrowserMock({ clock }));
    const session = mock.add();
    mock.respond({ kind: "hang" }, { times: 10 });
    const started = performance.now();
    const error = await clock
      .run(mock.client({ timeoutMs: 10_000, deadlineMs: 25_000 }).sessions.get(session.id as string))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HyperbrowserTimeoutError);
    expect((error as Error).message).toMatch(/deadline of 25000 ms exceeded/);
    expect(clock.now()).toBeGreaterThanOrEqual(25_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("a 429 with Retry-After longer than the deadline is not waited for", async () => {
    const clock = createTestClock();
    const mock = track(createHyperbrowserMock({ clock }));
    const session = mock.add();
    mock.respond({ kind: "status", status: 429, retryAfter: 120 }, { id: session.id });
    await expect(clock.run(mock.client().sessions.get(session.id as string))).rejects.toBeInstanceOf(
      HyperbrowserRateLimitError,
    );
    expect(clock.sleeps).toEqual([]);
  });

  it("network errors are retried; scenarios for one id leave others alone", async () => {
    const clock = createTestClock();
    const mock = track(createHyperbrowserMock({ clock }));
    const [flaky, steady] = [mock.add(), mock.add()];
    mock.respond({ kind: "networkError" }, { id: flaky.id, times: 5 });
    const client = mock.client({ retryBudget: false });
    await expect(clock.run(client.sessions.get(steady.id as string))).resolves.toEqual(steady);
    const error = await clock.run(client.sessions.get(flaky.id as string)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HyperbrowserConnectionError);
    expect(error).toMatchObject({ attempts: 3, code: "ECONNRESET" });
  });

  it("a delay counts against timeoutMs on the shared clock", async () => {
    const clock = createTestClock();
    const mock = track(createHyperbrowserMock({ clock }));
    const session = mock.add();
    mock.respond({ kind: "delay", ms: 5_000 }, { times: 3 });
    const slow = await clock
      .run(mock.client({ timeoutMs: 2_000, maxRetries: 0 }).sessions.get(session.id as string))
      .catch((caught: unknown) => caught);
    expect(slow).toBeInstanceOf(HyperbrowserTimeoutError);
    await expect(clock.run(mock.client({ timeoutMs: 8_000 }).sessions.get(session.id as string))).resolves.toEqual(
      session,
    );
  });

  it("malformed and spec-breaking bodies", async () => {
    const clock = createTestClock();
    const mock = track(createHyperbrowserMock({ clock }));
    const session = mock.add();
    mock.respond({ kind: "malformed" });
    await expect(clock.run(mock.client().sessions.get(session.id as string))).rejects.toThrow(/not valid JSON/);
    mock.respond({ kind: "invalid" });
    const error = await clock
      .run(mock.client({ validateResponses: "throw" }).sessions.get(session.id as string))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HyperbrowserInvalidResponseError);
    expect((error as HyperbrowserInvalidResponseError).violations.map((violation) => violation.path).sort()).toEqual([
      "/startTime",
      "/status",
    ]);
  });

  it("a 500 for every call exhausts retries, and the budget is shared by the mock's client", async () => {
    const clock = createTestClock();
    const mock = track(createHyperbrowserMock({ clock }));
    const session = mock.add();
    mock.respond({ kind: "status", status: 500 }, { times: 100 });
    const client = mock.client();
    const results = await clock.run(
      Promise.allSettled(Array.from({ length: 20 }, () => client.sessions.get(session.id as string))),
    );
    expect(
      results.every((result) => result.status === "rejected" && result.reason instanceof HyperbrowserServerError),
    ).toBe(true);
    expect(mock.calls.length).toBeLessThanOrEqual(27);
  });
});
