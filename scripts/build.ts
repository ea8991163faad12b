/**
 * Builds dist/: ESM JavaScript and declarations from src/ and generated/ (tsconfig.build.json).
 * tsc does not copy hand-written .d.ts files, so generated/schema.d.ts is copied beside its output.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./lib/paths.js";

const dist = join(ROOT, "dist");
await rm(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], {
  stdio: "inherit",
});
await mkdir(join(dist, "generated"), { recursive: true });
await copyFile(join(ROOT, "generated/schema.d.ts"), join(dist, "generated/schema.d.ts"));
console.log("build: wrote dist/");
