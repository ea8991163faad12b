import { describe, expect, it } from "vitest";
import { normalizeHost, publicRegistryProblem } from "../../scripts/lib/release/registry-guard.js";

// Both guards (`npm run release -- --registry` and `prepublishOnly`) call publicRegistryProblem.
describe("registry guard: every spelling of the public registry is refused", () => {
  it.each([
    "https://registry.npmjs.org/",
    "https://registry.npmjs.org./",
    "https://registry.npmjs.org../",
    "https://REGISTRY.NPMJS.ORG/",
    "https://Registry.NpmJs.Org./",
    "https://registry%2enpmjs.org/",
    "https://registry%2Enpmjs%2Eorg/",
    "https://registry.npmjs.org%2e/",
    "https://registry\u3002npmjs\u3002org/",
    "https://registry\uff0enpmjs\uff0eorg/",
    "https://ｒｅｇｉｓｔｒｙ.npmjs.org/",
    "https://registry.npmjs.org:443/",
    "http://registry.npmjs.org:80/",
    "http://registry.npmjs.org:443/",
    "https://registry.npmjs.org:8443/some/path",
    "https://user:secret@registry.npmjs.org/",
    "  https://registry.npmjs.org/  ",
    "https://registry.npmjs.com/",
    "https://registry.yarnpkg.com/",
    "https://registry.yarnpkg.com./",
    "https://REGISTRY.YARNPKG.COM.:443/",
    "https://registry%2eyarnpkg.com/",
    "https://registry\u3002yarnpkg.com/",
  ])("%j", (registry) => {
    expect(publicRegistryProblem(registry, "@internal/x")).toBeDefined();
  });

  it.each([
    ["registry.npmjs.org:443", /not an http\(s\) URL/],
    ["file:///tmp/registry", /not an http\(s\) URL/],
    ["https://registry%252enpmjs.org/", /not a URL|cannot be read/],
  ])("refuses %j as not a registry URL", (registry, problem) => {
    expect(publicRegistryProblem(registry, "@internal/x")).toMatch(problem);
  });

  it.each([
    "https://npm.internal.example/",
    "https://registry.npmjs.org.internal.example/",
    "http://127.0.0.1:4873/",
    "https://npmjs.org.example/",
  ])("allows %j", (registry) => {
    expect(publicRegistryProblem(registry, "@internal/x")).toBeUndefined();
  });

  it("normalizes hosts: case, IDNA, ideographic full stop, trailing dots", () => {
    expect(normalizeHost("Registry.NPMJS.org.")).toBe("registry.npmjs.org");
    expect(normalizeHost("b\u00fccher.example")).toBe("xn--bcher-kva.example");
    expect(normalizeHost("a\u3002b")).toBe("a.b");
    expect(normalizeHost("a%2eb")).toBe("a.b");
    expect(normalizeHost("%E0%A4%A")).toBeUndefined();
  });
});
