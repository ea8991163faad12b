import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/run.js";
import { resolveProxySettings } from "../../src/http/proxy-settings.js";
import { createHyperbrowserClient } from "../../src/index.js";

// `%A` is cut short and `%E0%A4` is not UTF-8: decodeURIComponent throws "URI malformed" on each.
const MALFORMED = ["http://u:pw%E0%A4%A@127.0.0.1:9", "http://u%E0%A4:pw@127.0.0.1:9", "http://u:pw%ZZ@127.0.0.1:9"];

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("proxy credentials are decoded and checked once, at construction", () => {
  it.each(MALFORMED)("%s → TypeError naming where it came from, not the value", (proxy) => {
    for (const make of [
      () => resolveProxySettings(proxy, {}),
      () => resolveProxySettings(undefined, { HTTPS_PROXY: proxy }),
    ]) {
      let thrown: unknown;
      try {
        make();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TypeError);
      expect(String((thrown as Error).message)).toMatch(
        /(`proxy`|HTTPS_PROXY environment variable) has credentials with a malformed percent-escape/,
      );
      expect(String((thrown as Error).message)).not.toMatch(/pw|%E0|%ZZ|127\.0\.0\.1/);
    }
    expect(() => createHyperbrowserClient({ apiKey: "hb_test_key", baseUrl: "https://127.0.0.1:9", proxy })).toThrow(
      TypeError,
    );
  });

  it("well-formed escapes still decode", () => {
    expect(() => resolveProxySettings("http://user:p%40ss%20word@127.0.0.1:9", {})).not.toThrow();
  });

  it("the CLI exits 2 (usage) for a malformed HTTPS_PROXY, without printing it or sending anything", async () => {
    vi.stubEnv("HTTPS_PROXY", "http://u:pw%E0%A4%A@127.0.0.1:9");
    const stderr: string[] = [];
    const stdout: string[] = [];
    const code = await runCli(
      ["get", "s", "--api-key", "hb_test_key", "--base-url", "https://127.0.0.1:9", "--retries", "0"],
      {
        stdout: (text: string) => stdout.push(text),
        stderr: (text: string) => stderr.push(text),
        env: {},
      },
    );
    expect(code).toBe(2);
    expect(stderr.join("")).toMatch(/HTTPS_PROXY environment variable has credentials with a malformed percent-escape/);
    expect(stderr.join("")).not.toContain("pw%E0");
    expect(stdout).toEqual([]);
  });
});
