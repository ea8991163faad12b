import { runCommand } from "../run-command.js";

/** Runs git in `root`; throws with git's message when it fails. */
export async function git(root: string, args: readonly string[]): Promise<string> {
  const result = await runCommand("git", args, { cwd: root });
  if (result.code !== 0) throw new Error(`git ${args.join(" ")} failed: ${(result.stderr || result.stdout).trim()}`);
  return result.stdout;
}

/** Files with uncommitted changes (empty when the tree is clean). */
export async function uncommitted(root: string): Promise<string[]> {
  return (await git(root, ["status", "--porcelain"])).split("\n").filter((line) => line.trim() !== "");
}

/** True when the tag exists. */
export async function tagExists(root: string, tag: string): Promise<boolean> {
  return (await git(root, ["tag", "--list", tag])).trim() === tag;
}
