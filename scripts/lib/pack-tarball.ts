/**
 * Packs the package as it is published: the `files` of package.json (plus what npm always ships) staged
 * beside a manifest without `scripts`, then `npm pack --ignore-scripts`. The repository keeps `prepare`
 * for git installs (npm builds a git dependency through it), but a consumer's npm must find no script to
 * run or to ask about in the tarball. Nothing is built here: dist/ must exist already.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "./run-command.js";

const ALWAYS_SHIPPED = ["README.md", "LICENSE"];

/** Writes the tarball into `destination` and returns its path. */
export async function packTarball(root: string, destination: string): Promise<string> {
  if (!existsSync(join(root, "dist/index.js"))) throw new Error("pack: dist/ is missing; run `npm run build` first");
  const manifest = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
    files?: string[];
    scripts?: unknown;
  };
  const stage = await mkdtemp(join(tmpdir(), "hyperbrowser-pack-"));
  try {
    for (const entry of [...(manifest.files ?? []), ...ALWAYS_SHIPPED]) {
      if (existsSync(join(root, entry))) await cp(join(root, entry), join(stage, entry), { recursive: true });
    }
    const { scripts: _scripts, ...published } = manifest;
    await writeFile(join(stage, "package.json"), `${JSON.stringify(published, null, 2)}\n`);
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const packed = await runCommand(
      npm,
      ["pack", "--ignore-scripts", "--json", "--pack-destination", destination, stage],
      { cwd: stage },
    );
    if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const [result] = JSON.parse(packed.stdout) as { filename: string }[];
    if (!result) throw new Error("npm pack wrote no tarball");
    return join(destination, result.filename);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
