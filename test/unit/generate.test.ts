import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENERATED_FILES } from "../../scripts/lib/generated-files.js";
import { renderGeneratedFiles } from "../../scripts/lib/render-generated.js";
import { renderSchemaTypes } from "../../scripts/lib/render-schema-types.js";
import { summariseDifference } from "../../scripts/lib/summarise-difference.js";

const spec = JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8")) as Record<
  string,
  unknown
>;

describe("generation", () => {
  it("renders byte-identical output run to run, with the do-not-edit header", async () => {
    const [first, second] = await Promise.all([renderSchemaTypes(spec), renderSchemaTypes(structuredClone(spec))]);
    expect(first).toBe(second);
    expect(first.startsWith("/**\n * GENERATED FILE: DO NOT EDIT.")).toBe(true);
    expect(first).toContain("npm run generate");
  });

  it("every generated file carries the header", () => {
    for (const file of GENERATED_FILES)
      expect(readFileSync(file.path, "utf8")).toMatch(/^\/\*\*\n \* GENERATED FILE: DO NOT EDIT\./);
  });

  it(
    "refuses a spec with a non-local $ref before rendering anything (generate reads openapi.json " + "unvalidated)",
    async () => {
      const external = structuredClone(spec) as { components: { schemas: Record<string, unknown> } };
      external.components.schemas["Leak"] = { $ref: "/proc/self/environ" };
      await expect(renderGeneratedFiles(external)).rejects.toThrow(
        '"/proc/self/environ" at #/components/schemas/Leak/$ref',
      );
    },
  );

  it("summariseDifference reports equal, missing and hand-edited files in one line", () => {
    expect(summariseDifference("a\nb\n", "a\nb\n")).toBeNull();
    expect(summariseDifference(null, "a")).toBe("file is missing");
    expect(summariseDifference("a\nX\nc\n", "a\nb\nc\n")).toBe("1 of 4 lines differ, first at line 2");
  });
});
