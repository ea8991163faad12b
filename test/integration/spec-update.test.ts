import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffSpecs, type ReportedChange } from "../../scripts/lib/spec-diff.js";
import { parseSpecSource } from "../../scripts/lib/spec-source.js";
import { validateOpenApiDocument } from "../../scripts/lib/validate-spec.js";
import { runCommand } from "../../scripts/lib/run-command.js";
import { createTempProject, type TempProject } from "../support/temp-project.js";
import { startTestServer } from "../support/test-server.js";

const fixture = (name: string) => new URL(`../fixtures/specs/${name}`, import.meta.url);
// The frozen spec the fixtures were written against, never the live openapi.json (which spec:update changes).
const BASE = readFileSync(fixture("base.json"), "utf8");
const current = JSON.parse(BASE) as Record<string, unknown>;
const GENERATED = ["generated/schema.d.ts", "generated/spec-constants.ts", "generated/response-validators.ts"];

/** A temp project whose openapi.json (and generated/) is the frozen base spec. */
async function baseProject(): Promise<TempProject> {
  const created = await createTempProject();
  await writeFile(join(created.dir, "openapi.json"), BASE);
  const generate = await created.runScript("scripts/generate.ts", []);
  if (generate.code !== 0) throw new Error(`generate failed in the temp project: ${generate.stderr}`);
  return created;
}

/** openapi.json and generated/ of a project, to compare byte for byte. */
const snapshot = (dir: string) =>
  Promise.all(["openapi.json", ...GENERATED].map((name) => readFile(join(dir, name), "utf8")));
const load = (name: string) => parseSpecSource(readFileSync(fixture(name), "utf8"), name);
const summary = (changes: ReportedChange[]) =>
  changes.map((change) => `${change.classification} | ${change.where} | ${change.description}`);

describe("change classification (openapi-diff plus the checks it lacks)", () => {
  it("add a property (YAML): not breaking", async () => {
    const report = await diffSpecs(current, load("add-property.yaml"));
    expect(report.breaking).toBe(false);
    expect(summary(report.changes)).toContain(
      "non-breaking | GET /api/session/{id} → 200 application/json | `region`: property added (string, optional)",
    );
  });

  it("remove a property: breaking, by openapi-diff and in detail", async () => {
    const report = await diffSpecs(current, load("remove-property.json"));
    expect(report.breaking).toBe(true);
    expect(
      report.changes
        .filter((change) => change.source === "openapi-diff")
        .map((change) => `${change.classification} ${change.code}`),
    ).toEqual(["breaking response.body.scope.add"]);
    expect(summary(report.changes)).toContain(
      "breaking | GET /api/session/{id} → 200 application/json | `liveUrl`: property removed",
    );
  });

  it("add an enum value: breaking (openapi-diff reports nothing here; the schema check does)", async () => {
    const report = await diffSpecs(current, load("change-enum.json"));
    expect(report.changes.filter((change) => change.source === "openapi-diff")).toEqual([]);
    expect(report.breaking).toBe(true);
    expect(summary(report.changes)).toContain(
      'breaking | GET /api/session/{id} → 200 application/json | `status`: enum value(s) added: "pending" (an ' +
        "exhaustive switch no longer is)",
    );
  });

  it("a new required query parameter: breaking (parameter check)", async () => {
    const report = await diffSpecs(current, load("required-parameter.json"));
    expect(report.breaking).toBe(true);
    expect(summary(report.changes)).toEqual([
      "breaking | GET /api/session/{id} | query parameter `include` added (required)",
    ]);
  });

  it("add an endpoint: not breaking", async () => {
    const report = await diffSpecs(current, load("add-endpoint.json"));
    expect(report.breaking).toBe(false);
    expect(summary(report.changes)).toEqual(["non-breaking | /api/session/{id}/recording | path added"]);
  });

  it("the markdown-wrapped document reads like the seed", async () => {
    const report = await diffSpecs(current, load("wrapped.md"));
    expect(report.breaking).toBe(false);
    expect(summary(report.changes)).toContain(
      "non-breaking | GET /api/session/{id} → 200 application/json | `region`: property added (string, optional)",
    );
  });

  it("the same spec: no changes", async () => {
    expect((await diffSpecs(current, structuredClone(current))).changes).toEqual([]);
  });

  it("an invalid document is rejected with the location of the problem", async () => {
    await expect(validateOpenApiDocument(load("invalid.yaml"), "invalid.yaml")).rejects.toThrow(
      "No enum match for: strin at " +
        "#/paths/~1api~1session~1{id}/get/responses/200/content/application~1json/schema/type",
    );
    await expect(validateOpenApiDocument({ openapi: "3.1.0" }, "x")).rejects.toThrow(
      /OpenAPI 3.1.0 is not supported \(at #\/openapi\)/,
    );
    await expect(validateOpenApiDocument({ openapi: "2.9.0" }, "x")).rejects.toThrow(
      /unsupported version "2.9.0" at #\/openapi/,
    );
    await expect(validateOpenApiDocument({ openapi: "3.0.3" }, "x")).rejects.toThrow(
      /missing required property: info at #\//,
    );
  });
});

describe("npm run spec:update (in a throw-away copy of the project)", () => {
  let project: TempProject | undefined;
  afterEach(async () => {
    await project?.remove();
    project = undefined;
  });

  it("writes openapi.json and generated/, and a new endpoint is callable through client.raw, fully typed", async () => {
    project = await baseProject();
    const probe = [
      'import { createHyperbrowserClient } from "./src/index.js";',
      'const client = createHyperbrowserClient({ apiKey: "k" });',
      'const { data } = await client.raw.GET("/api/session/{id}/recording", { params: { path: { id: "s" } } });',
      "const url: string | undefined = data?.recordingUrl;",
      "// @ts-expect-error: recordingUrl is a string",
      "const wrong: number | undefined = data?.recordingUrl;",
      "export { url, wrong };",
    ].join("\n");
    await writeFile(join(project.dir, "probe.ts"), probe);
    await writeFile(
      join(project.dir, "tsconfig.probe.json"),
      JSON.stringify({ extends: "./tsconfig.json", include: ["probe.ts"] }),
    );
    const typecheck = () => project!.runScript("node_modules/typescript/bin/tsc", ["-p", "tsconfig.probe.json"]);

    // Before the update the probe must not compile: the path does not exist yet.
    const before = await typecheck();
    expect(before.code).not.toBe(0);
    expect(before.stdout).toContain("/api/session/{id}/recording");

    const update = await project.runScript("scripts/spec-update.ts", [fixture("add-endpoint.json").pathname]);
    expect(update.stderr).toBe("");
    expect(update.code).toBe(0);
    expect(update.stdout).toContain("✓ /api/session/{id}/recording: path added");
    expect(await readFile(join(project.dir, "openapi.json"), "utf8")).toBe(
      `${JSON.stringify(load("add-endpoint.json"), null, 2)}\n`,
    );
    expect(await readFile(join(project.dir, "generated/schema.d.ts"), "utf8")).toContain(
      '"/api/session/{id}/recording"',
    );

    const after = await typecheck();
    expect(after.stdout + after.stderr).toBe("");
    expect(after.code).toBe(0);
  }, 120_000);

  it("refuses a breaking change without --allow-breaking (nothing written), accepts it with", async () => {
    project = await baseProject();
    const specPath = join(project.dir, "openapi.json");
    const original = await readFile(specPath, "utf8");
    const breaking = fixture("remove-property.json").pathname;

    const check = await project.runScript("scripts/spec-update.ts", [breaking, "--check"]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("Verdict: BREAKING");

    const refused = await project.runScript("scripts/spec-update.ts", [breaking]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("openapi.json left unchanged");
    expect(await readFile(specPath, "utf8")).toBe(original);

    const allowed = await project.runScript("scripts/spec-update.ts", [breaking, "--allow-breaking"]);
    expect(allowed.code).toBe(0);
    expect(await readFile(specPath, "utf8")).not.toBe(original);
  }, 120_000);

  it("rejects an invalid document with its location (exit 2) and leaves openapi.json untouched", async () => {
    project = await baseProject();
    const original = await readFile(join(project.dir, "openapi.json"), "utf8");
    const result = await project.runScript("scripts/spec-update.ts", [fixture("invalid.yaml").pathname]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "at #/paths/~1api~1session~1{id}/get/responses/200/content/application~1json/schema/type",
    );
    expect(await readFile(join(project.dir, "openapi.json"), "utf8")).toBe(original);
  }, 60_000);
});

describe("spec:update is all or nothing", () => {
  let project: TempProject | undefined;
  afterEach(async () => {
    await project?.remove();
    project = undefined;
  });

  it("a failure at any stage leaves openapi.json and generated/ byte-identical and says what failed", async () => {
    project = await baseProject();
    const before = await snapshot(project.dir);
    const dir = project.dir;
    const stages: [string, RegExp][] = [
      ["validation", /injected failure \(SPEC_PIPELINE_FAIL_AT=validation\)/],
      ["types", /types stage failed \(generated\/schema\.d\.ts\)/],
      ["constants", /constants stage failed \(generated\/spec-constants\.ts\)/],
      ["validators", /validators stage failed \(generated\/response-validators\.ts\)/],
      ["write", /write stage failed/],
    ];
    const results = await Promise.all(
      stages.map(([stage]) =>
        runCommand(
          process.execPath,
          [
            "--import",
            "./scripts/register-ts-node.mjs",
            "scripts/spec-update.ts",
            fixture("add-endpoint.json").pathname,
          ],
          {
            cwd: dir,
            env: { ...process.env, SPEC_PIPELINE_FAIL_AT: stage },
            timeoutMs: 110_000,
          },
        ),
      ),
    );
    for (const [index, [, message]] of stages.entries()) {
      const result = results[index]!;
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain("openapi.json and generated/ left unchanged.");
      expect(result.code).not.toBe(0);
    }
    expect(await snapshot(dir)).toEqual(before);
    // No temp file is left behind either.
    expect((await runCommand("find", [dir, "-name", "*.tmp", "-not", "-path", "*/node_modules/*"])).stdout).toBe("");
  }, 120_000);

  it("refuses an OpenAPI 3.1 document with exit 2, nothing written", async () => {
    project = await baseProject();
    const before = await snapshot(project.dir);
    const path = join(project.dir, "v31.json");
    await writeFile(path, JSON.stringify({ ...current, openapi: "3.1.0" }));
    const result = await project.runScript("scripts/spec-update.ts", [path]);
    expect(result.stderr).toMatch(/OpenAPI 3\.1\.0 is not supported \(at #\/openapi\): only 3\.0\.x documents are/);
    expect(result.code).toBe(2);
    expect(await snapshot(project.dir)).toEqual(before);
  }, 60_000);

  it("refuses every non-local $ref with its JSON pointer: nothing read, nothing fetched, nothing written", async () => {
    project = await baseProject();
    const before = await snapshot(project.dir);
    const server = await startTestServer((_request, response) => response.end('{"type":"string"}'));
    try {
      const spec = structuredClone(current) as { components: { schemas: Record<string, unknown> } };
      spec.components.schemas["Remote"] = { $ref: `${server.url}/schema.json` };
      spec.components.schemas["Secret"] = { $ref: "/etc/passwd" };
      spec.components.schemas["File"] = { type: "object", properties: { x: { $ref: "file:///proc/self/environ" } } };
      const path = join(project.dir, "external.json");
      await writeFile(path, JSON.stringify(spec));
      const result = await project.runScript("scripts/spec-update.ts", [path]);
      expect(result.stderr).toContain("only local references (#/…) are accepted");
      expect(result.stderr).toContain(`"${server.url}/schema.json" at #/components/schemas/Remote/$ref`);
      expect(result.stderr).toContain('"/etc/passwd" at #/components/schemas/Secret/$ref');
      expect(result.stderr).toContain('"file:///proc/self/environ" at #/components/schemas/File/properties/x/$ref');
      expect(result.code).toBe(2);
      expect(server.requests).toEqual([]);
      expect(await snapshot(project.dir)).toEqual(before);
    } finally {
      await server.close();
    }
  }, 60_000);
});
