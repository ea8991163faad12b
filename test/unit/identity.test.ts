import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLIENT_VERSION, createHyperbrowserClient, SPEC_INFO } from "../../src/index.js";
import { createStubFetch, jsonResponse } from "../support/stub-fetch.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url));

describe("what the client says about itself", () => {
  it("CLIENT_VERSION is package.json's version", () => {
    expect(CLIENT_VERSION).toBe((JSON.parse(read("package.json").toString()) as { version: string }).version);
  });

  it("SPEC_INFO is the vendored spec's title, version and SHA-256", () => {
    const spec = JSON.parse(read("openapi.json").toString()) as { info: { title: string; version: string } };
    expect(SPEC_INFO).toEqual({
      title: spec.info.title,
      version: spec.info.version,
      sha256: createHash("sha256").update(read("openapi.json")).digest("hex"),
    });
    expect(Object.isFrozen(SPEC_INFO)).toBe(true);
  });

  it(
    "every request sends User-Agent: hyperbrowser-session-client/<version> node/<version>; a user-agent header " +
      "goes in front",
    async () => {
      const { fetch, requests } = createStubFetch(() => jsonResponse({ id: "s" }));
      await createHyperbrowserClient({ apiKey: "k", fetch }).sessions.get("s");
      const own = `hyperbrowser-session-client/${CLIENT_VERSION} node/${process.versions.node}`;
      expect(requests[0]?.headers.get("user-agent")).toBe(own);
      await createHyperbrowserClient({
        apiKey: "k",
        fetch,
        headers: { "User-Agent": "billing-service/2.1" },
      }).sessions.get("s");
      expect(requests[1]?.headers.get("user-agent")).toBe(`billing-service/2.1 ${own}`);
    },
  );
});
