import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepoSnapshot, type RepoSnapshot } from "../support/repo-snapshot.js";
import { runCommand } from "../../scripts/lib/run-command.js";

const NAME = "@internal/hyperbrowser-session-client";
let repo: RepoSnapshot;
let consumer: string;

beforeAll(async () => {
  repo = await createRepoSnapshot();
  consumer = await mkdtemp(join(tmpdir(), "hyperbrowser-git-consumer-"));
  await writeFile(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
}, 60_000);
afterAll(async () => {
  await repo?.remove();
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

describe("npm install from a git URL", () => {
  it("builds dist/ in `prepare`, so require and import both work", async () => {
    // npm clones the repository, installs its devDependencies, runs `prepare` (the build) and packs it.
    const installed = await runCommand(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", `git+file://${repo.dir}`],
      { cwd: consumer, timeoutMs: 300_000 },
    );
    expect(installed.code, installed.stderr).toBe(0);
    const required = await runCommand(
      process.execPath,
      ["-e", `const c = require("${NAME}"); console.log(typeof c.createHyperbrowserClient, c.CLIENT_VERSION)`],
      { cwd: consumer },
    );
    expect(required.stderr).toBe("");
    expect(required.stdout.trim()).toMatch(/^function \d+\.\d+\.\d+$/);
    const imported = await runCommand(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const c = await import("${NAME}"); console.log(typeof c.createHyperbrowserClient)`,
      ],
      { cwd: consumer },
    );
    expect(imported.stdout.trim()).toBe("function");
  }, 300_000);
});
