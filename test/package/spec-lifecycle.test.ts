import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { createRepoSnapshot, GIT_IDENTITY, type RepoSnapshot } from "../support/repo-snapshot.js";
import { runCommand } from "../../scripts/lib/run-command.js";

// The whole spec lifecycle on a realistic provider document (the large synthetic fixture: 50+ operations,
// the OpenAPI 3.0 vocabulary), on a copy of the repository released once from the frozen base spec.
const LARGE = fileURLToPath(new URL("../fixtures/specs/large/openapi.json", import.meta.url));

let repo: RepoSnapshot;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  repo = await createRepoSnapshot({ frozenBase: true });
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
const vitest = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
  runCommand(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...args], {
    cwd: repo.dir,
    env: { ...env, ...extraEnv },
    timeoutMs: 900_000,
  });
const shown = (result: { stdout: string; stderr: string }) =>
  `${result.stdout.slice(-4000)}${result.stderr.slice(-4000)}`;

describe("spec lifecycle with the large fixture (on a copy of the repository)", () => {
  it(
    "spec:update → generate:check → typecheck (type tests included) → SPEC_INFO → derived contract suite on " +
      "Prism → release --dry-run says minor",
    async () => {
      const first = await npmRun("release");
      expect(first.code, shown(first)).toBe(0);
      expect(first.stdout).toContain("Release decision: 1.0.0 (first release)");

      const update = await npmRun("spec:update", LARGE);
      expect(update.code, shown(update)).toBe(0);
      await repo.git("add", "-A");
      await repo.git("commit", "-qm", "Spec: the large provider document");

      const check = await npmRun("generate:check");
      expect(check.code, shown(check)).toBe(0);
      // typecheck covers test/types/client.test-d.ts; the build first, as the ecosystem consumer's types need dist/.
      for (const script of ["build", "typecheck"]) {
        const result = await npmRun(script);
        expect(result.code, `${script}:\n${shown(result)}`).toBe(0);
      }
      const identity = await vitest(["test/unit/identity.test.ts", "--testTimeout", "120000"]);
      expect(identity.code, shown(identity)).toBe(0);

      // Prism reads the large spec before it listens: on a loaded machine that takes more than its default 30 s.
      const contract = await vitest(
        [
          "--project",
          "contract",
          "test/contract/derived.contract.test.ts",
          "--testTimeout",
          "120000",
          "--hookTimeout",
          "300000",
        ],
        { CONTRACT_SPEC: "openapi.json", PRISM_READY_TIMEOUT_MS: "240000" },
      );
      expect(contract.code, shown(contract)).toBe(0);
      // Every pair of the large fixture ran (more than 100 cases), none skipped.
      const passed = /Tests\s+(?:\S+\s+)*?(\d+) passed/.exec(contract.stdout.replace(/\u001b\[[0-9;]*m/g, ""));
      expect(Number(passed?.[1] ?? 0)).toBeGreaterThanOrEqual(100);
      expect(contract.stdout.replace(/\u001b\[[0-9;]*m/g, "")).not.toMatch(/skipped/);

      const dryRun = await npmRun("release", "--dry-run");
      expect(dryRun.code, shown(dryRun)).toBe(0);
      expect(dryRun.stdout).toContain("Release decision: 1.1.0 (minor, from 1.0.0");
    },
    1_800_000,
  );
});
