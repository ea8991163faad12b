import { describe, expect, it } from "vitest";
import { createHyperbrowserMock, type MockScenario } from "../../src/testing/index.js";

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
