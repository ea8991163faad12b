import { afterEach, describe, expect, it, vi } from "vitest";
import { createHyperbrowserClient } from "../../src/index.js";
import { createStubFetch, jsonResponse } from "../support/stub-fetch.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createHyperbrowserClient options", () => {
  it.each([undefined, "", "   "])(
    "throws naming HYPERBROWSER_API_KEY when the key is %j and the env has none",
    (apiKey) => {
      vi.stubEnv("HYPERBROWSER_API_KEY", "");
      expect(() => createHyperbrowserClient({ apiKey })).toThrow(/HYPERBROWSER_API_KEY/);
    },
  );

  it("takes the key and base URL from the environment", async () => {
    vi.stubEnv("HYPERBROWSER_API_KEY", "env-key");
    vi.stubEnv("HYPERBROWSER_BASE_URL", "http://127.0.0.1:9/");
    const { fetch, requests } = createStubFetch(() => jsonResponse({ id: "s" }));
    await createHyperbrowserClient({ fetch }).sessions.get("s");
    expect(requests[0]?.url).toBe("http://127.0.0.1:9/api/session/s");
    expect(requests[0]?.headers.get("x-api-key")).toBe("env-key");
  });

  it("defaults the base URL to the spec's first server", async () => {
    vi.stubEnv("HYPERBROWSER_BASE_URL", "");
    const { fetch, requests } = createStubFetch(() => jsonResponse({ id: "s" }));
    await createHyperbrowserClient({ apiKey: "k", fetch }).sessions.get("s");
    expect(requests[0]?.url).toBe("https://api.hyperbrowser.ai/api/session/s");
  });

  it("explicit options win over the environment", async () => {
    vi.stubEnv("HYPERBROWSER_API_KEY", "env-key");
    vi.stubEnv("HYPERBROWSER_BASE_URL", "http://env.invalid");
    const { fetch, requests } = createStubFetch(() => jsonResponse({ id: "s" }));
    await createHyperbrowserClient({ apiKey: "option-key", baseUrl: "http://127.0.0.1:1/base", fetch }).sessions.get(
      "s",
    );
    expect(requests[0]?.url).toBe("http://127.0.0.1:1/base/api/session/s");
    expect(requests[0]?.headers.get("x-api-key")).toBe("option-key");
  });

  it.each([
    ["not a url", /`baseUrl` must be an absolute http\(s\) URL/],
    ["ftp://example.com", /http or https/],
    ["https://user:pass@example.com", /credentials/],
    ["https://example.com/?key=1", /query/],
  ])("rejects baseUrl %j at construction", (baseUrl, message) => {
    expect(() => createHyperbrowserClient({ apiKey: "k", baseUrl })).toThrow(message);
  });

  it("does not echo a baseUrl it cannot parse (a key pasted into the wrong option stays out of the message)", () => {
    expect(() => createHyperbrowserClient({ apiKey: "k", baseUrl: "sk_live_SECRET-pasted-here" })).toThrow(
      /^createHyperbrowserClient: `baseUrl` must be an absolute http\(s\) URL$/,
    );
  });

  it("sends extra headers; one that would set x-api-key is refused at construction", async () => {
    const { fetch, requests } = createStubFetch(() => jsonResponse({ id: "s" }));
    const client = createHyperbrowserClient({ apiKey: "real", fetch, headers: { "x-team": "t1" } });
    await client.sessions.get("s");
    expect(requests[0]?.headers.get("x-api-key")).toBe("real");
    expect(requests[0]?.headers.get("x-team")).toBe("t1");
    expect(() => createHyperbrowserClient({ apiKey: "real", fetch, headers: { "X-Api-Key": "spoofed" } })).toThrow(
      /must not set x-api-key: pass the key as `apiKey`/,
    );
  });
});

describe("options are checked when the client is made, and a bad key is never echoed", () => {
  const SECRET = "sk_live_SECRET";
  it.each([
    [`${SECRET}\r\nx: 1`, /`apiKey` has a control character \(U\+000D\) at position 14/],
    [`${SECRET}\u0000`, /control character \(U\+0000\) at position 14/],
    [`${SECRET}\u20ac`, /outside Latin-1 \(U\+20AC\) at position 14/],
    [` ${SECRET}`, /starts or ends with whitespace/],
  ])("apiKey %j → TypeError naming the option and position, never the value", (apiKey, message) => {
    const error = (() => {
      try {
        createHyperbrowserClient({ apiKey, baseUrl: "http://127.0.0.1:1" });
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain("SECRET");
  });

  it("a bad key from HYPERBROWSER_API_KEY names the variable", () => {
    vi.stubEnv("HYPERBROWSER_API_KEY", `${SECRET}\n`);
    expect(() => createHyperbrowserClient({ baseUrl: "http://127.0.0.1:1" })).toThrow(
      /HYPERBROWSER_API_KEY environment variable has a control character \(U\+000A\) at position 14/,
    );
  });

  it.each([
    [{ "x-team": "a\r\nb" }, /header x-team has a control character \(U\+000D\) at position 1/],
    [{ "x-team": "a\u0000" }, /header x-team has a control character \(U\+0000\) at position 1/],
    [{ "x-team": "caf\u00e9 \u2603" }, /header x-team has a character outside Latin-1 \(U\+2603\) at position 5/],
    [{ "bad name": "v" }, /header name "bad name" has a character not allowed in a header name at position 3/],
    [{ "x-n": 5 as unknown as string }, /header x-n must be a string, got number/],
  ])("headers %j → TypeError naming the header and position", (headers, message) => {
    expect(() => createHyperbrowserClient({ apiKey: "k", headers })).toThrow(message);
  });

  it.each([
    [{ logger: 5 }, /`logger` must be an object with debug, info and warn functions \(`console` fits\), got number 5/],
    [{ logger: { debug() {} } }, /`logger` must be an object with debug, info and warn functions/],
    [{ fetch: "fetch" }, /`fetch` must be a function, got string/],
    [
      { clock: { now: () => 0 } },
      /createHyperbrowserClient: `clock` must be an object with now, wallTime and sleep functions \(missing wallTime, sleep\)/,
    ],
    [{ random: 0.5 }, /`random` must be a function, got number 0.5/],
    [{ maxSockets: 0 }, /createHyperbrowserClient: `maxSockets` must be an integer from 1 to 10000, got number 0/],
    [
      { validateResponses: "sk_live_pasted" },
      /^createHyperbrowserClient: `validateResponses` must be "off", "warn" or "throw", got string$/,
    ],
    [
      { telemetry: { attemptSpans: "sk_live_pasted" } },
      /^createHyperbrowserClient: `telemetry.attemptSpans` must be "auto", "always" or "never", got string$/,
    ],
    [{ retry: { jitter: 2 } }, /^createHyperbrowserClient: `retry.jitter` must be a number from 0 to 1, got number 2$/],
    [
      { retryBudget: { maxTokens: -1 } },
      /^createHyperbrowserClient: `retryBudget.maxTokens` must be a finite number > 0, got number -1$/,
    ],
    [{ maxRetries: 11 }, /^createHyperbrowserClient: `maxRetries` must be an integer from 0 to 10, got number 11$/],
    [{ proxy: 5 }, /^createHyperbrowserClient: `proxy` must be a URL string or false, got number 5$/],
    [{ retryBudget: "none" }, /`retryBudget` must be an object, got string/],
    [{ proxy: "socks5://proxy:1080" }, /`proxy` uses socks5:; only http and https proxies are supported/],
    [
      { deadlineMs: -1 },
      /createHyperbrowserClient: `deadlineMs` must be a number of milliseconds from 1 to 2147483647, got number -1/,
    ],
  ])("%j → TypeError at construction", (options, message) => {
    expect(() => createHyperbrowserClient({ apiKey: "k", ...(options as object) })).toThrow(message);
  });

  it("a console-like logger and a clock-like object are accepted", () => {
    expect(() =>
      createHyperbrowserClient({
        apiKey: "k",
        logger: console,
        clock: { now: () => 0, wallTime: () => 0, sleep: async () => undefined },
      }),
    ).not.toThrow();
  });

  it.each([
    [{ timeout: 800 }, /^createHyperbrowserClient: unknown option `timeout`; did you mean `timeoutMs`\?$/],
    [{ apikey: "k" }, /^createHyperbrowserClient: unknown option `apikey`; did you mean `apiKey`\?$/],
    [
      { baseurl: "http://127.0.0.1:1" },
      /^createHyperbrowserClient: unknown option `baseurl`; did you mean `baseUrl`\?$/,
    ],
    [{ maxRetry: 1 }, /^createHyperbrowserClient: unknown option `maxRetry`; did you mean `maxRetries`\?$/],
    [
      { retry: { maxretries: 1 } },
      /^createHyperbrowserClient \(`retry`\): unknown option `maxretries`; did you mean `maxRetries`\?$/,
    ],
    [
      { retryBudget: { tokenratio: 0.5 } },
      /^createHyperbrowserClient \(`retryBudget`\): unknown option `tokenratio`; did you mean `tokenRatio`\?$/,
    ],
    [
      { hooks: { onrequest: () => undefined } },
      /^createHyperbrowserClient \(`hooks`\): unknown option `onrequest`; did you mean `onRequest`\?$/,
    ],
    [
      { telemetry: { attemptSpan: "never" } },
      /^createHyperbrowserClient \(`telemetry`\): unknown option `attemptSpan`; did you mean `attemptSpans`\?$/,
    ],
    [
      { zzzzzzzz: 1 },
      /^createHyperbrowserClient: unknown option `zzzzzzzz`; known options are `timeoutMs`, `deadlineMs`/,
    ],
    [
      { "sk_live_a b c": 1 },
      /^createHyperbrowserClient: unknown option \(its name is not shown: it does not look like one\); known options are/,
    ],
  ])("an unknown option %j is a TypeError naming the nearest known one", (options, message) => {
    expect(() => createHyperbrowserClient({ apiKey: "k", ...(options as object) })).toThrow(TypeError);
    expect(() => createHyperbrowserClient({ apiKey: "k", ...(options as object) })).toThrow(message);
  });
});
