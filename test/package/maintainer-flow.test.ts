import { createHash } from "node:crypto";
import { access, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepoSnapshot, FROZEN_BASE_SPEC, GIT_IDENTITY, type RepoSnapshot } from "../support/repo-snapshot.js";
import { runCommand } from "../../scripts/lib/run-command.js";

// The README's maintainer flow, on a copy of the repository: spec:update, the part of `npm test` a spec
// changes (generate:check, typecheck, the unit tests that read the spec or its generated files), release,
// spec:update again, the same checks again. The rest of the unit project does not depend on the spec.
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/specs/${name}`, import.meta.url));
// The unit tests of the spec and its generated files (the whole unit project adds minutes, four times in CI).
const SPEC_UNIT_TESTS = [
  "test/unit/identity.test.ts",
  "test/unit/generate.test.ts",
  "test/unit/contract-coverage.test.ts",
  "test/unit/response-validation.test.ts",
  "test/unit/sessions-get.test.ts",
  "test/unit/public-surface.test.ts",
];
// They run beside other test files on a 2-core machine: the 5 s default is for a quiet one.
const UNIT_TIMEOUT_MS = "120000";

let repo: RepoSnapshot;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  repo = await createRepoSnapshot({ frozenBase: true });
  // npm run inside vitest inherits npm_* variables that point at this repository: drop them.
  env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
    ...GIT_IDENTITY,
  };
}, 180_000);
afterAll(async () => {
  await repo?.remove();
});

const npmRun = (script: string, ...args: string[]) =>
  runCommand("npm", ["run", "-s", script, "--", ...args], { cwd: repo.dir, env, timeoutMs: 600_000 });
const vitestUnit = () =>
  runCommand(
    process.execPath,
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--project",
      "unit",
      "--testTimeout",
      UNIT_TIMEOUT_MS,
      ...SPEC_UNIT_TESTS,
    ],
    { cwd: repo.dir, env, timeoutMs: 900_000 },
  );

/**
 * generate:check, typecheck and the spec's unit tests: each must pass, its output shown when it does not. The
 * build comes before typecheck here: the ecosystem consumer's types import the package by name (dist/).
 */
async function expectChecksGreen(): Promise<void> {
  for (const script of ["generate:check", "build", "typecheck"]) {
    const result = await npmRun(script);
    expect(result.code, `${script}:\n${result.stdout}${result.stderr}`).toBe(0);
  }
  const unit = await vitestUnit();
  expect(unit.code, `spec unit tests:\n${unit.stdout.slice(-4000)}${unit.stderr.slice(-4000)}`).toBe(0);
}

/** SPEC_INFO as generated, against the spec file it must describe. */
async function expectSpecInfoMatches(): Promise<void> {
  const specText = await readFile(join(repo.dir, "openapi.json"));
  const constants = await readFile(join(repo.dir, "generated/spec-constants.ts"), "utf8");
  const info = (JSON.parse(specText.toString()) as { info: { version: string } }).info;
  expect(constants).toContain(createHash("sha256").update(specText).digest("hex"));
  expect(constants).toContain(JSON.stringify(info.version));
}

describe("the documented maintainer flow stays green (on a copy of the repository)", () => {
  it("update → checks → release → update again → checks; a released copy's snapshot is unreleased", async () => {
    const first = await npmRun("spec:update", fixture("add-property.yaml"));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("`region`: property added");
    await expectSpecInfoMatches();
    await repo.git("commit", "-qam", "Spec: add region");
    await expectChecksGreen();

    const release = await npmRun("release");
    expect(release.code, release.stderr).toBe(0);
    expect(release.stdout).toContain("Release decision: 1.0.0 (first release)");
    expect(await repo.git("tag", "--list")).toBe("v1.0.0\n");

    // A second provider update: one more optional property, on top of what was just released.
    const spec = JSON.parse(await readFile(join(repo.dir, "openapi.json"), "utf8")) as {
      info: { version: string };
      components: { schemas: { SessionDetail: { allOf: [unknown, { properties: Record<string, unknown> }] } } };
    };
    spec.info.version = "1.2.0";
    spec.components.schemas.SessionDetail.allOf[1].properties["recordingUrl"] = { type: "string" };
    // Untracked inside the copy, so it goes when the copy does.
    const next = join(repo.dir, "next-spec.json");
    await writeFile(next, JSON.stringify(spec));
    const second = await npmRun("spec:update", next);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("`recordingUrl`: property added");
    await expectSpecInfoMatches();
    await repo.git("commit", "-qam", "Spec: add recordingUrl");
    await expectChecksGreen();

    const dryRun = await npmRun("release", "--dry-run");
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain("Release decision: 1.1.0 (minor, from 1.0.0");

    // What the release end-to-end test starts from, even when the repository it copies has been released
    // and its spec updated: no .release/, the frozen base spec, the unreleased version.
    const again = await createRepoSnapshot({ source: repo.dir, frozenBase: true });
    try {
      await expect(access(join(again.dir, ".release"))).rejects.toThrow();
      expect(await readFile(join(again.dir, "openapi.json"), "utf8")).toBe(
        `${JSON.stringify(JSON.parse(await readFile(join(again.dir, FROZEN_BASE_SPEC), "utf8")), null, 2)}\n`,
      );
      expect((JSON.parse(await readFile(join(again.dir, "package.json"), "utf8")) as { version: string }).version).toBe(
        "0.1.0",
      );
      expect(await readFile(join(again.dir, "src/version.ts"), "utf8")).toContain('CLIENT_VERSION: string = "0.1.0"');
    } finally {
      await again.remove();
    }
  }, 1_800_000);
});
