import { cp, mkdtemp, mkdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCommand } from "../../scripts/lib/run-command.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A throw-away git repository holding this project's files as they are now (node_modules linked). */
export interface RepoSnapshot {
  dir: string;
  /** Runs git there with a fixed identity; throws when git fails. */
  git(...args: string[]): Promise<string>;
  remove(): Promise<void>;
}

/** Git identity for commits made by tests (CI machines may have none). */
export const GIT_IDENTITY = { GIT_AUTHOR_NAME: "test", GIT_AUTHOR_EMAIL: "test@example.invalid", GIT_COMMITTER_NAME: "test", GIT_COMMITTER_EMAIL: "test@example.invalid" };

/** Copies every file git would commit (tracked, and untracked but not ignored) into a new repository, committed. */
export async function createRepoSnapshot(): Promise<RepoSnapshot> {
  const dir = await mkdtemp(join(tmpdir(), "hyperbrowser-repo-"));
  const listed = await runCommand("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: ROOT });
  const files = listed.stdout.split("\0").filter((file) => file !== "" && !file.startsWith("node_modules/"));
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    // A file deleted in the working tree but still tracked is skipped.
    await cp(join(ROOT, file), join(dir, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const git = async (...args: string[]) => {
    const result = await runCommand("git", args, { cwd: dir, env: { ...process.env, ...GIT_IDENTITY } });
    if (result.code !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
    return result.stdout;
  };
  await git("init", "-q", "-b", "main");
  await git("add", "-A");
  await git("commit", "-q", "-m", "snapshot");
  return { dir, git, remove: () => rm(dir, { recursive: true, force: true }) };
}
