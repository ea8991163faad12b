import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCommand, type CommandResult } from "../../scripts/lib/run-command.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const COPIED = ["package.json", "tsconfig.json", "openapi.json", "scripts", "src", "generated"];

/** A throw-away copy of this project (node_modules linked), for scripts that write openapi.json and generated/. */
export interface TempProject {
  dir: string;
  /** Runs a TypeScript script of the copy the way npm scripts do; never rejects, returns the exit code. */
  runScript(script: string, args: readonly string[]): Promise<CommandResult>;
  remove(): Promise<void>;
}

export async function createTempProject(): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), "hyperbrowser-client-"));
  await Promise.all(COPIED.map((name) => cp(join(ROOT, name), join(dir, name), { recursive: true })));
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return {
    dir,
    runScript: (script, args) =>
      runCommand(process.execPath, ["--import", "./scripts/register-ts-node.mjs", script, ...args], { cwd: dir }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
