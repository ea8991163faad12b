import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatChangeReport } from "../../scripts/lib/format-change-report.js";
import { renderChangelogEntry } from "../../scripts/lib/release/changelog.js";
import { renderSchemaTypes } from "../../scripts/lib/render-schema-types.js";
import { diffSpecs } from "../../scripts/lib/spec-diff.js";

type Spec = {
  paths: Record<string, { get: Record<string, unknown> }>;
  components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
};
const base = JSON.parse(readFileSync(new URL("../fixtures/specs/base.json", import.meta.url), "utf8")) as Spec;

/** The base spec with its operation, its path parameter and the `creditsUsed` property marked deprecated. */
function deprecatedSpec(): Spec {
  const spec = structuredClone(base);
  const get = spec.paths["/api/session/{id}"]!.get;
  get["deprecated"] = true;
  (get["parameters"] as Record<string, unknown>[])[0]!["deprecated"] = true;
  spec.components.schemas["Session"]!.properties!["creditsUsed"]!["deprecated"] = true;
  return spec;
}

describe("deprecated: true reaches consumers at build time", () => {
  it("is listed in the change report as a deprecation, not breaking", async () => {
    const report = await diffSpecs(base, deprecatedSpec());
    expect(report.breaking).toBe(false);
    const text = formatChangeReport(report, "title");
    expect(text).toContain("Deprecated (not breaking; still works, going away) (3):");
    expect(text).toContain("! GET /api/session/{id}: operation deprecated  [deprecation]");
    expect(text).toContain("! GET /api/session/{id}: path parameter `id` deprecated  [deprecation]");
    expect(text).toContain("! components.schemas.Session: `creditsUsed`: property deprecated  [deprecation]");
  });

  it("goes into the CHANGELOG entry's Deprecated section", async () => {
    const report = await diffSpecs(base, deprecatedSpec());
    const sha = { title: "t", version: "1", sha256: "a".repeat(64) };
    const entry = renderChangelogEntry({
      decision: { bump: "minor", version: "1.1.0", breaking: [] },
      date: "2026-12-04",
      spec: { before: sha, after: sha, changes: report.changes },
      api: [],
      fixtureErrors: [],
    });
    expect(entry).toContain("### Deprecated\n- Spec: GET /api/session/{id}: operation deprecated [deprecation]");
    expect(entry).toContain("- Spec: components.schemas.Session: `creditsUsed`: property deprecated [deprecation]");
    expect(entry).not.toContain("### Changed");
  });

  it("appears as @deprecated in the generated types (openapi-typescript's JSDoc)", async () => {
    const types = await renderSchemaTypes(deprecatedSpec());
    expect(types).toMatch(/@deprecated\s*\*\/\s*creditsUsed\?:/);
    expect(types).toMatch(/\* @deprecated\n\s*\*\/\n\s*get: \{/);
  });
});
