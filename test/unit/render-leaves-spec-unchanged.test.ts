import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderGeneratedFiles } from "../../scripts/lib/render-generated.js";

// The large fixture has a oneOf with a discriminator, which openapi-typescript annotates in place.
const LARGE = readFileSync(new URL("../fixtures/specs/large/openapi.json", import.meta.url), "utf8");

describe("rendering generated/ leaves the spec as the provider wrote it", () => {
  it(
    "the spec object is unchanged after rendering, so the written openapi.json and SPEC_INFO match a later " +
      "generate:check",
    async () => {
      const spec = JSON.parse(LARGE) as Record<string, unknown>;
      await renderGeneratedFiles(spec);
      expect(spec).toEqual(JSON.parse(LARGE));
    },
    120_000,
  );
});
