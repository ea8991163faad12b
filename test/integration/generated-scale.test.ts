import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { afterEach, describe, expect, it } from "vitest";
import { createTempProject, type TempProject } from "../support/temp-project.js";

const BASE = JSON.parse(readFileSync(new URL("../fixtures/specs/base.json", import.meta.url), "utf8")) as {
  paths: Record<string, unknown>;
  components: { schemas: Record<string, unknown> };
};

/** The base spec plus `count` GET operations, each with its own 27-property schema (OpenAPI 3.0 keywords included). */
function grownSpec(count: number): string {
  const spec = structuredClone(BASE);
  for (let index = 0; index < count; index += 1) {
    const properties: Record<string, unknown> = {
      kind: { type: "string", enum: ["a", "b"] },
      session: { allOf: [{ $ref: "#/components/schemas/Session" }], nullable: true },
    };
    for (let field = 0; field < 25; field += 1)
      properties[`field${field}`] = {
        type: "string",
        nullable: true,
        example: "x",
        description: "A field described at some length, as real specs do.",
      };
    spec.components.schemas[`Thing${index}`] = { type: "object", properties, "x-internal": true };
    spec.paths[`/api/thing${index}/{id}`] = {
      get: {
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "q", in: "query", schema: { type: "string", format: "provider-specific" } },
        ],
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: `#/components/schemas/Thing${index}` } } },
          },
        },
      },
    };
  }
  return JSON.stringify(spec, null, 2);
}

/**
 * The public entry as consumers load it: bundled, minified, gzip -9; the validators stay a separate lazily
 * imported file.
 */
async function entrySize(dir: string): Promise<number> {
  const result = await build({
    entryPoints: [join(dir, "src/index.ts")],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
    external: ["@opentelemetry/api", "*/generated/response-validators.js"],
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

describe("generated code scale", () => {
  let project: TempProject | undefined;
  afterEach(async () => {
    await project?.remove();
    project = undefined;
  });

  it("spec:update with 60 more operations (~400 KB) takes seconds, and the main entry does not grow", async () => {
    project = await createTempProject();
    await writeFile(join(project.dir, "openapi.json"), `${JSON.stringify(BASE, null, 2)}\n`);
    expect((await project.runScript("scripts/generate.ts", [])).code).toBe(0);
    const before = await entrySize(project.dir);

    const specPath = join(project.dir, "grown.json");
    await writeFile(specPath, grownSpec(60));
    const started = performance.now();
    const update = await project.runScript("scripts/spec-update.ts", [specPath]);
    const seconds = (performance.now() - started) / 1000;
    expect(update.stderr).toBe("");
    expect(update.code).toBe(0);
    // About 6 s on an idle 2-core machine; the margin is for a loaded CI runner.
    expect(seconds).toBeLessThan(60);

    const after = await entrySize(project.dir);
    // Validators and types scale with the spec; the entry carries neither, only the base URL and spec info.
    expect(Math.abs(after - before)).toBeLessThan(200);
  }, 180_000);
});
