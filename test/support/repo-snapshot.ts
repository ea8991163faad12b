import { cp, mkdtemp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCommand } from "../../scripts/lib/run-command.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The frozen spec the tools' fixtures were written against (the live openapi.json changes with spec:update). */
export const FROZEN_BASE_SPEC = "test/fixtures/specs/base.json";
/** The version a never-released package has, whatever the real repository has released since. */
const UNRELEASED_VERSION = "0.1.0";

/** A throw-away git repository holding this project's files as they are now (node_modules linked). */
export interface RepoSnapshot {
  dir: string;
  /** Runs git there with a fixed identity; throws when git fails. */
  git(...args: string[]): Promise<string>;
  remove(): Promise<void>;
}

/** What the snapshot starts from. */
export interface RepoSnapshotOptions {
  /** The repository to copy (this one unless told); a test may snapshot a snapshot. */
  source?: string;
  /**
   * Start from the frozen base spec, never released: openapi.json is the base fixture (generated/ written
   * from it), the version is 0.1.0 and there is no CHANGELOG.md. Tests that expect "first release" or
   * compare against the base fixtures then hold whatever spec or release the real repository has.
   */
  frozenBase?: boolean;
}

/** Git identity for commits made by tests (CI machines may have none). */
export const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: "test",
  GIT_AUTHOR_EMAIL: "test@example.invalid",
  GIT_COMMITTER_NAME: "test",
  GIT_COMMITTER_EMAIL: "test@example.invalid",
};

/**
 * Copies every file git would commit (tracked, and untracked but not ignored) into a new repository,
 * committed. `.release/` (the record of the real repository's last release) is never copied: a snapshot
 * has not been released, so a release in it starts from nothing.
 */
export async function createRepoSnapshot(options: RepoSnapshotOptions = {}): Promise<RepoSnapshot> {
  const source = options.source ?? ROOT;
  const dir = await mkdtemp(join(tmpdir(), "hyperbrowser-repo-"));
  const listed = await runCommand("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: source });
  const files = listed.stdout
    .split("\0")
    .filter((file) => file !== "" && !file.startsWith("node_modules/") && !file.startsWith(".release/"));
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    // A file deleted in the working tree but still tracked is skipped.
    await cp(join(source, file), join(dir, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const git = async (...args: string[]) => {
    const result = await runCommand("git", args, { cwd: dir, env: { ...process.env, ...GIT_IDENTITY } });
    if (result.code !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
    return result.stdout;
  };
  try {
    if (options.frozenBase) await resetToFrozenBase(dir);
    await git("init", "-q", "-b", "main");
    await git("add", "-A");
    await git("commit", "-q", "-m", "snapshot");
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, git, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function resetToFrozenBase(dir: string): Promise<void> {
  // Written the way spec:update writes it, so the first update's report compares like with like.
  const base = JSON.parse(await readFile(join(dir, FROZEN_BASE_SPEC), "utf8")) as unknown;
  await writeFile(join(dir, "openapi.json"), `${JSON.stringify(base, null, 2)}\n`);
  const generate = await runCommand(
    process.execPath,
    ["--import", "./scripts/register-ts-node.mjs", "scripts/generate.ts"],
    { cwd: dir, timeoutMs: 120_000 },
  );
  if (generate.code !== 0) throw new Error(`generate failed in the snapshot: ${generate.stderr}`);
  const setVersion = async (file: string, edit: (text: string) => string) =>
    writeFile(join(dir, file), edit(await readFile(join(dir, file), "utf8")));
  await setVersion(
    "package.json",
    (text) => `${JSON.stringify({ ...(JSON.parse(text) as object), version: UNRELEASED_VERSION }, null, 2)}\n`,
  );
  await setVersion("package-lock.json", (text) => {
    const lock = JSON.parse(text) as { version: string; packages: Record<string, { version?: string }> };
    const packages = { ...lock.packages, "": { ...lock.packages[""], version: UNRELEASED_VERSION } };
    return JSON.stringify({ ...lock, version: UNRELEASED_VERSION, packages }, null, 2) + "\n";
  });
  await setVersion("src/version.ts", (text) =>
    text.replace(/CLIENT_VERSION: string = "[^"]*"/, `CLIENT_VERSION: string = "${UNRELEASED_VERSION}"`),
  );
  await rm(join(dir, "CHANGELOG.md"), { force: true });
}
