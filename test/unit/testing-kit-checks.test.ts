import { describe, expect, it } from "vitest";
import {
  buildErrorResponse,
  buildSessionDetail,
  createHyperbrowserMock,
  createTestClock,
  type MockScenario,
} from "../../src/testing/index.js";

const scenario = (value: unknown) => value as MockScenario;

describe("respond() refuses scenarios the mock cannot play, when they are defined", () => {
  it.each([
    [
      "a 204 with a body",
      { kind: "status", status: 204, body: { message: "x" } },
      /respond: `body` must be absent with status 204/,
    ],
    [
      "a 205 with a body",
      { kind: "status", status: 205, body: "text" },
      /respond: `body` must be absent with status 205/,
    ],
    ["a 304 with a body", { kind: "status", status: 304, body: {} }, /respond: `body` must be absent with status 304/],
    [
      "a Retry-After with CR/LF",
      { kind: "status", status: 503, retryAfter: "1\r\nx-injected: yes" },
      /respond: `retryAfter` has a control character \(U\+000D\) at position 1/,
    ],
    [
      "a Retry-After that is not finite",
      { kind: "status", status: 503, retryAfter: Number.NaN },
      /respond: `retryAfter` must be a finite number of seconds or a string, got number NaN/,
    ],
    [
      "a BigInt body",
      { kind: "status", status: 500, body: { n: 1n } },
      /respond: `body` must be a string or a value JSON can represent/,
    ],
    [
      "a circular body",
      {
        kind: "status",
        status: 500,
        body: (() => {
          const loop: Record<string, unknown> = {};
          loop["self"] = loop;
          return loop;
        })(),
      },
      /respond: `body` must be a string or a value JSON can represent/,
    ],
    [
      "a function body",
      { kind: "status", status: 500, body: () => 1 },
      /respond: `body` must be a string or a value JSON can represent/,
    ],
    [
      "a delay a timer cannot wait",
      { kind: "delay", ms: 1e12 },
      /respond: `ms` must be a number of milliseconds from 0 to 2147483647, got number 1000000000000/,
    ],
    [
      "a misspelt key",
      { kind: "status", status: 503, retryafter: 1 },
      /respond \(a "status" scenario\): unknown option `retryafter`; did you mean `retryAfter`\?/,
    ],
    ["an unknown kind", { kind: "timeout" }, /respond: `kind` must be one of "status", "networkError"/],
  ])("%s", (_name, value, message) => {
    const mock = createHyperbrowserMock();
    expect(() => mock.respond(scenario(value))).toThrow(TypeError);
    expect(() => mock.respond(scenario(value))).toThrow(message);
    expect(() => mock.respond(scenario(value))).not.toThrow(/x-injected/);
  });

  it("a misspelt target key names the nearest one", () => {
    const mock = createHyperbrowserMock();
    expect(() => mock.respond({ kind: "hang" }, { time: 2 } as never)).toThrow(
      /respond \(the target\): unknown option `time`; did you mean `times`\?/,
    );
  });

  it("plays a 204, 205 and 304 without a body, and the longest delay a timer can wait is accepted", async () => {
    const mock = createHyperbrowserMock();
    const session = mock.add();
    for (const status of [204, 205, 304]) {
      mock.respond({ kind: "status", status });
      const response = await mock.fetch(`${mock.baseUrl}/api/session/${session.id}`, {
        headers: { "x-api-key": mock.apiKey },
      });
      expect(response.status).toBe(status);
      expect(await response.text()).toBe("");
    }
    expect(mock.calls.map((call) => [call.status, call.body])).toEqual([
      [204, null],
      [205, null],
      [304, null],
    ]);
    expect(() => mock.respond({ kind: "delay", ms: 2 ** 31 - 1 })).not.toThrow();
  });
});

describe("testing kit: secrets and hostile overrides (issue 16.13)", () => {
  it("calls keep no credentials: authorization, proxy-authorization and cookie are redacted like the key", async () => {
    const mock = createHyperbrowserMock();
    const session = mock.add();
    const client = mock.client({
      headers: {
        authorization: "Bearer secret-bearer",
        cookie: "sid=secret-cookie",
        "proxy-authorization": "Basic secret-proxy",
      },
    });
    await client.sessions.get(String(session.id));
    const recorded = JSON.stringify(mock.calls);
    for (const secret of [mock.apiKey, "secret-bearer", "secret-cookie", "secret-proxy"])
      expect(recorded).not.toContain(secret);
    expect(mock.calls[0]?.headers).toMatchObject({
      authorization: "[REDACTED]",
      cookie: "[REDACTED]",
      "proxy-authorization": "[REDACTED]",
      "x-api-key": "[REDACTED]",
    });
  });

  it("a __proto__ key from JSON.parse stays a plain field, as JSON.parse made it: the prototype is not swapped", () => {
    const overrides = JSON.parse('{"__proto__":{"polluted":true},"status":"closed"}') as object;
    const session = buildSessionDetail(overrides);
    expect(Object.getPrototypeOf(session)).toBe(Object.prototype);
    expect((session as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(session, "__proto__")?.value).toEqual({ polluted: true });
    expect(session.status).toBe("closed");
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("a 100k-deep override is a TypeError naming the JSON pointer, not a RangeError", () => {
    let deep: Record<string, unknown> = {};
    for (let index = 0; index < 100_000; index += 1) deep = { a: deep };
    expect(() => buildSessionDetail({ launchState: deep })).toThrow(TypeError);
    expect(() => buildSessionDetail({ launchState: deep })).toThrow(
      /buildSessionDetail: the overrides nest deeper than 64 levels \(or loop\) at \/launchState\/a\/a/,
    );
  });

  it("a cycle in the overrides is the same TypeError", () => {
    const loop: Record<string, unknown> = {};
    loop["next"] = loop;
    expect(() => buildSessionDetail({ launchState: loop })).toThrow(
      /buildSessionDetail: the overrides nest deeper than 64 levels \(or loop\) at \/launchState\/next/,
    );
  });

  it.each([
    [
      "a function",
      { launchState: { profile: { id: () => "x" } } },
      /buildSessionDetail: the override at \/launchState\/profile\/id is a function/,
    ],
    ["a symbol", { token: Symbol("t") }, /buildSessionDetail: the override at \/token is a symbol/],
    ["a BigInt", { creditsUsed: 1n }, /buildSessionDetail: the override at \/creditsUsed is a bigint/],
    [
      "a Map",
      { launchState: new Map() },
      /buildSessionDetail: the override at \/launchState is an object that is not plain JSON/,
    ],
  ])("%s in the overrides is a TypeError naming the JSON pointer", (_name, overrides, message) => {
    expect(() => buildSessionDetail(overrides as never)).toThrow(TypeError);
    expect(() => buildSessionDetail(overrides as never)).toThrow(message);
  });

  it("buildErrorResponse checks its overrides the same way", () => {
    expect(() => buildErrorResponse({ message: (() => "x") as never })).toThrow(
      /buildErrorResponse: the override at \/message is a function/,
    );
  });
});

describe("testing kit: options a newcomer gets wrong (issue 18)", () => {
  it.each([
    [{ apikey: "k" }, /^createHyperbrowserMock: unknown option `apikey`; did you mean `apiKey`\?$/],
    [{ baseurl: "http://127.0.0.1:1" }, /^createHyperbrowserMock: unknown option `baseurl`; did you mean `baseUrl`\?$/],
    [{ baseUrl: "sk_live_not-a-url" }, /^createHyperbrowserMock: `baseUrl` must be an absolute http\(s\) URL$/],
    [{ baseUrl: "ftp://example.test" }, /^createHyperbrowserMock: `baseUrl` must be an http or https URL/],
    [{ apiKey: "a\nb" }, /^createHyperbrowserMock: `apiKey` has a control character \(U\+000A\) at position 1$/],
    [{ apiKey: 12345 }, /^createHyperbrowserMock: `apiKey` must be a string, got number$/],
    [{ sessions: {} }, /^createHyperbrowserMock: `sessions` must be an array of sessions, got object$/],
  ])("createHyperbrowserMock(%j) is a TypeError naming the option", (options, message) => {
    expect(() => createHyperbrowserMock(options as never)).toThrow(TypeError);
    expect(() => createHyperbrowserMock(options as never)).toThrow(message);
  });

  it("mock.client() refuses a misspelt client option too", () => {
    expect(() => createHyperbrowserMock().client({ timeout: 800 } as never)).toThrow(
      /^createHyperbrowserClient: unknown option `timeout`; did you mean `timeoutMs`\?$/,
    );
  });

  it("clock.run(5) is a TypeError pointing at advance; run accepts any thenable", async () => {
    const clock = createTestClock();
    await expect(clock.run(5 as never)).rejects.toThrow(TypeError);
    await expect(clock.run(5 as never)).rejects.toThrow(
      /^createTestClock\(\)\.run: `work` must be a promise \(to move time by a number of milliseconds, call clock\.advance\(ms\)\), got number 5$/,
    );
    await expect(clock.advance(-1)).rejects.toThrow(
      /^createTestClock\(\)\.advance: `ms` must be a finite number of milliseconds >= 0, got number -1$/,
    );
    const thenable = { then: (resolve: (value: string) => void) => resolve("done") } as unknown as PromiseLike<string>;
    await expect(clock.run(thenable)).resolves.toBe("done");
    expect(() => createTestClock({ strat: 5 } as never)).toThrow(
      /^createTestClock: unknown option `strat`; did you mean `start`\?$/,
    );
  });

  it(
    "a mock.client() call waiting on the mock's virtual clock that nobody advances is reported, pointing at the " +
      "clock",
    async () => {
      const clock = createTestClock({ stallWarningMs: 100 });
      const mock = createHyperbrowserMock({ clock });
      const session = mock.add();
      mock.respond({ kind: "status", status: 503, retryAfter: 1 });
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => warnings.push(warning);
      process.on("warning", onWarning);
      try {
        const call = mock.client().sessions.get(String(session.id));
        // Real time passes; the call sits in its 1 s backoff on the virtual clock.
        const deadline = Date.now() + 8_000;
        while (warnings.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        const stalled = warnings.find(
          (warning) => (warning as { code?: string }).code === "HYPERBROWSER_TEST_CLOCK_STALLED",
        );
        expect(stalled?.message).toMatch(
          /createTestClock: 1 timer\(s\) have waited 100 ms of real time on this virtual clock \(the next is due in 1000 virtual ms\)/,
        );
        expect(stalled?.message).toMatch(/clock\.run\(promise\) or clock\.advance\(ms\)/);
        // Driving the clock still finishes the call.
        await expect(clock.run(call)).resolves.toMatchObject({ id: session.id });
      } finally {
        process.off("warning", onWarning);
      }
    },
    15_000,
  );

  it("no warning while run() drives the clock, or with stallWarningMs: false", async () => {
    for (const stallWarningMs of [50, false] as const) {
      const clock = createTestClock({ stallWarningMs });
      const mock = createHyperbrowserMock({ clock });
      const session = mock.add();
      mock.respond({ kind: "status", status: 503, retryAfter: 1 }, { times: 2 });
      const warnings: Error[] = [];
      const onWarning = (warning: Error) => warnings.push(warning);
      process.on("warning", onWarning);
      try {
        await clock.run(mock.client().sessions.get(String(session.id)));
        if (stallWarningMs === false) {
          mock.respond({ kind: "status", status: 503, retryAfter: 1 });
          const call = mock.client().sessions.get(String(session.id));
          await new Promise((resolve) => setTimeout(resolve, 300));
          await clock.run(call);
        } else await new Promise((resolve) => setTimeout(resolve, 300));
      } finally {
        process.off("warning", onWarning);
      }
      expect(
        warnings.filter((warning) => (warning as { code?: string }).code === "HYPERBROWSER_TEST_CLOCK_STALLED"),
      ).toEqual([]);
    }
  });
});

describe("respond() keeps what was checked", () => {
  it("changing the scenario object after respond() does not change what the mock plays", async () => {
    const mock = createHyperbrowserMock();
    const session = mock.add();
    const scenario = { kind: "status" as const, status: 503, body: { message: "first" } as unknown };
    mock.respond(scenario);
    scenario.status = 304;
    scenario.body = { n: 1n };
    const response = await mock.fetch(`${mock.baseUrl}/api/session/${session.id}`, {
      headers: { "x-api-key": mock.apiKey },
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: "first" });
  });
});
