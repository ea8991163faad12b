import { describe, expect, it } from "vitest";
import { buildErrorResponse, buildSessionDetail, createHyperbrowserMock, type MockScenario } from "../../src/testing/index.js";

const scenario = (value: unknown) => value as MockScenario;

describe("respond() refuses scenarios the mock cannot play, when they are defined", () => {
  it.each([
    ["a 204 with a body", { kind: "status", status: 204, body: { message: "x" } }, /respond: `body` must be absent with status 204/],
    ["a 205 with a body", { kind: "status", status: 205, body: "text" }, /respond: `body` must be absent with status 205/],
    ["a 304 with a body", { kind: "status", status: 304, body: {} }, /respond: `body` must be absent with status 304/],
    ["a Retry-After with CR/LF", { kind: "status", status: 503, retryAfter: "1\r\nx-injected: yes" }, /respond: `retryAfter` has a control character \(U\+000D\) at position 1/],
    ["a Retry-After that is not finite", { kind: "status", status: 503, retryAfter: Number.NaN }, /respond: `retryAfter` must be a finite number of seconds or a string, got number NaN/],
    ["a BigInt body", { kind: "status", status: 500, body: { n: 1n } }, /respond: `body` must be a string or a value JSON can represent/],
    ["a circular body", { kind: "status", status: 500, body: (() => { const loop: Record<string, unknown> = {}; loop["self"] = loop; return loop; })() }, /respond: `body` must be a string or a value JSON can represent/],
    ["a function body", { kind: "status", status: 500, body: () => 1 }, /respond: `body` must be a string or a value JSON can represent/],
    ["a delay a timer cannot wait", { kind: "delay", ms: 1e12 }, /respond: `ms` must be a number of milliseconds from 0 to 2147483647, got number 1000000000000/],
    ["a misspelt key", { kind: "status", status: 503, retryafter: 1 }, /respond \(a "status" scenario\): unknown option `retryafter`; did you mean `retryAfter`\?/],
    ["an unknown kind", { kind: "timeout" }, /respond: `kind` must be one of "status", "networkError"/],
  ])("%s", (_name, value, message) => {
    const mock = createHyperbrowserMock();
    expect(() => mock.respond(scenario(value))).toThrow(TypeError);
    expect(() => mock.respond(scenario(value))).toThrow(message);
    expect(() => mock.respond(scenario(value))).not.toThrow(/x-injected/);
  });

  it("a misspelt target key names the nearest one", () => {
    const mock = createHyperbrowserMock();
    expect(() => mock.respond({ kind: "hang" }, { time: 2 } as never)).toThrow(/respond \(the target\): unknown option `time`; did you mean `times`\?/);
  });

  it("plays a 204, 205 and 304 without a body, and the longest delay a timer can wait is accepted", async () => {
    const mock = createHyperbrowserMock();
    const session = mock.add();
    for (const status of [204, 205, 304]) {
      mock.respond({ kind: "status", status });
      const response = await mock.fetch(`${mock.baseUrl}/api/session/${session.id}`, { headers: { "x-api-key": mock.apiKey } });
      expect(response.status).toBe(status);
      expect(await response.text()).toBe("");
    }
    expect(mock.calls.map((call) => [call.status, call.body])).toEqual([[204, null], [205, null], [304, null]]);
    expect(() => mock.respond({ kind: "delay", ms: 2 ** 31 - 1 })).not.toThrow();
  });
});

describe("testing kit: secrets and hostile overrides (issue 16.13)", () => {
  it("calls keep no credentials: authorization, proxy-authorization and cookie are redacted like the key", async () => {
    const mock = createHyperbrowserMock();
    const session = mock.add();
    const client = mock.client({ headers: { authorization: "Bearer secret-bearer", cookie: "sid=secret-cookie", "proxy-authorization": "Basic secret-proxy" } });
    await client.sessions.get(String(session.id));
    const recorded = JSON.stringify(mock.calls);
    for (const secret of [mock.apiKey, "secret-bearer", "secret-cookie", "secret-proxy"]) expect(recorded).not.toContain(secret);
    expect(mock.calls[0]?.headers).toMatchObject({ authorization: "[REDACTED]", cookie: "[REDACTED]", "proxy-authorization": "[REDACTED]", "x-api-key": "[REDACTED]" });
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
    expect(() => buildSessionDetail({ launchState: deep } as never)).toThrow(TypeError);
    expect(() => buildSessionDetail({ launchState: deep } as never)).toThrow(/buildSessionDetail: the overrides nest deeper than 64 levels \(or loop\) at \/launchState\/a\/a/);
  });

  it("a cycle in the overrides is the same TypeError", () => {
    const loop: Record<string, unknown> = {};
    loop["next"] = loop;
    expect(() => buildSessionDetail({ launchState: loop } as never)).toThrow(/buildSessionDetail: the overrides nest deeper than 64 levels \(or loop\) at \/launchState\/next/);
  });

  it.each([
    ["a function", { launchState: { profile: { id: () => "x" } } }, /buildSessionDetail: the override at \/launchState\/profile\/id is a function/],
    ["a symbol", { token: Symbol("t") }, /buildSessionDetail: the override at \/token is a symbol/],
    ["a BigInt", { creditsUsed: 1n }, /buildSessionDetail: the override at \/creditsUsed is a bigint/],
    ["a Map", { launchState: new Map() }, /buildSessionDetail: the override at \/launchState is an object that is not plain JSON/],
  ])("%s in the overrides is a TypeError naming the JSON pointer", (_name, overrides, message) => {
    expect(() => buildSessionDetail(overrides as never)).toThrow(TypeError);
    expect(() => buildSessionDetail(overrides as never)).toThrow(message);
  });

  it("buildErrorResponse checks its overrides the same way", () => {
    expect(() => buildErrorResponse({ message: (() => "x") as never })).toThrow(/buildErrorResponse: the override at \/message is a function/);
  });
});
