import { afterEach, describe, expect, it, vi } from "vitest";
import { createHyperbrowserClient } from "../../src/index.js";
import { createStubFetch, jsonResponse } from "../support/stub-fetch.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createHyperbrowserClient options", () => {
  it.each([undefined, "", "   "])("throws naming HYPERBROWSER_API_KEY when the key is %j and the env has none", (apiKey) => {
    vi.stubEnv("HYPERBROWSER_API_KEY", "");
    expect(() => createHyperbrowserClient({ apiKey })).toThrow(/HYPERBROWSER_API_KEY/);
  });

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
    await createHyperbrowserClient({ apiKey: "option-key", baseUrl: "http://127.0.0.1:1/base", fetch }).sessions.get("s");
    expect(requests[0]?.url).toBe("http://127.0.0.1:1/base/api/session/s");
    expect(requests[0]?.headers.get("x-api-key")).toBe("option-key");
  });

  it.each([
    ["not a url", /not an absolute URL/],
    ["ftp://example.com", /http or https/],
    ["https://user:pass@example.com", /credentials/],
    ["https://example.com/?key=1", /query/],
  ])("rejects baseUrl %j at construction", (baseUrl, message) => {
    expect(() => createHyperbrowserClient({ apiKey: "k", baseUrl })).toThrow(message);
  });

  it("sends extra headers, but they cannot replace the configured x-api-key", async () => {
    const { fetch, requests } = createStubFetch(() => jsonResponse({ id: "s" }));
    const client = createHyperbrowserClient({ apiKey: "real", fetch, headers: { "x-api-key": "spoofed", "x-team": "t1" } });
    await client.sessions.get("s");
    expect(requests[0]?.headers.get("x-api-key")).toBe("real");
    expect(requests[0]?.headers.get("x-team")).toBe("t1");
  });
});
