import { describe, expect, it } from "vitest";
import { parseNoProxy, resolveProxySettings } from "../../src/http/proxy-settings.js";

const url = (href: string) => new URL(href);

describe("NO_PROXY, as curl reads it", () => {
  it.each([
    ["example.com", "https://example.com", true],
    ["example.com", "https://api.example.com", true],
    [".example.com", "https://api.example.com", true],
    [".example.com", "https://example.com", true],
    ["*.example.com", "https://api.example.com", true],
    ["example.com", "https://notexample.com", false],
    ["example.com", "https://example.com.evil.net", false],
    ["EXAMPLE.com", "https://Api.Example.COM", true],
    ["a.test, example.com ,b.test", "https://example.com", true],
    ["a.test b.test", "https://b.test", true],
    ["*", "https://anything.test", true],
    ["example.com:8443", "https://example.com:8443", true],
    ["example.com:8443", "https://example.com", false],
    ["example.com:443", "https://example.com", true],
    ["10.0.0.1", "http://10.0.0.1:8080", true],
    ["10.0.0.0/8", "http://10.20.30.40", true],
    ["10.0.0.0/8", "http://11.0.0.1", false],
    ["::1", "http://[::1]:3000", true],
    ["[::1]:3000", "http://[::1]:3000", true],
    ["fd00::/8", "http://[fd12:3456::1]", true],
    ["fd00::/8", "http://[fe80::1]", false],
    ["", "https://example.com", false],
    ["localhost", "http://localhost.:3000", true],
    ["localhost.", "http://localhost:3000", true],
    ["localhost.", "http://localhost.:3000", true],
    [".example.com.", "https://api.example.com", true],
    ["example.com.", "https://api.example.com.", true],
    ["example.com.:8443", "https://example.com:8443", true],
    ["localhost.", "http://notlocalhost", false],
  ])("%j matches %s: %s", (noProxy, target, expected) => {
    expect(parseNoProxy(noProxy)(url(target))).toBe(expected);
  });
});

describe("proxy settings", () => {
  it("https targets use HTTPS_PROXY, http targets HTTP_PROXY; lower case first; ALL_PROXY for both", () => {
    const proxyFor = resolveProxySettings(undefined, {
      HTTPS_PROXY: "http://upper:1",
      https_proxy: "http://lower:2",
      HTTP_PROXY: "plain:3",
    });
    expect(proxyFor(url("https://api.test"))?.href).toBe("http://lower:2/");
    expect(proxyFor(url("http://api.test"))?.href).toBe("http://plain:3/");
    const all = resolveProxySettings(undefined, { ALL_PROXY: "http://all:4", NO_PROXY: "internal.test" });
    expect(all(url("https://api.test"))?.href).toBe("http://all:4/");
    expect(all(url("https://x.internal.test"))).toBeUndefined();
  });

  it("an explicit proxy wins over the environment; false turns proxies off; none set means direct", () => {
    expect(
      resolveProxySettings("http://option:5", { HTTPS_PROXY: "http://env:6", NO_PROXY: "*" })(url("https://api.test"))
        ?.href,
    ).toBe("http://option:5/");
    expect(resolveProxySettings(false, { HTTPS_PROXY: "http://env:6" })(url("https://api.test"))).toBeUndefined();
    expect(resolveProxySettings(undefined, {})(url("https://api.test"))).toBeUndefined();
  });

  it("a malformed or unsupported proxy is refused at construction without echoing it (it may hold credentials)", () => {
    expect(() => resolveProxySettings(undefined, { HTTPS_PROXY: "http://user:s3cret@[bad" })).toThrow(
      /the HTTPS_PROXY environment variable is not a valid proxy URL/,
    );
    expect(() => resolveProxySettings(undefined, { HTTPS_PROXY: "http://user:s3cret@[bad" })).not.toThrow(/s3cret/);
    expect(() => resolveProxySettings("socks5://user:s3cret@proxy:1080", {})).toThrow(
      /only http and https proxies are supported/,
    );
  });
});
