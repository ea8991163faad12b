/**
 * Regenerates everything in generated/ from openapi.json.
 * `--check` renders in memory and exits 1 with a one-line summary per stale file.
 * All or nothing: every file is rendered in memory before any is replaced; on a failure generated/ is untouched.
 */
import { readFile } from "node:fs/promises";
import { SPEC_PATH } from "./lib/paths.js";
import { renderGeneratedFiles } from "./lib/render-generated.js";
import { replaceFiles } from "./lib/replace-files.js";
import { summariseDifference } from "./lib/summarise-difference.js";

const check = process.argv.includes("--check");
const spec = JSON.parse(await readFile(SPEC_PATH, "utf8")) as Record<string, unknown>;

let rendered: Awaited<ReturnType<typeof renderGeneratedFiles>>;
try {
  rendered = await renderGeneratedFiles(spec);
} catch (error) {
  console.error(`generate: ${(error as Error).message}\ngenerated/ left unchanged.`);
  process.exit(1);
}

if (check) {
  let stale = 0;
  for (const file of rendered) {
    const difference = summariseDifference(await readFile(file.path, "utf8").catch(() => null), file.content);
    if (difference) {
      stale += 1;
      console.error(`generate:check: ${file.name} is stale (${difference}); run \`npm run generate\``);
    }
  }
  if (stale > 0) process.exit(1);
  console.log(`generate:check: ${rendered.length} files in generated/ match openapi.json`);
} else {
  try {
    for (const line of await replaceFiles(rendered)) console.log(`generate: ${line}`);
  } catch (error) {
    console.error(`generate: ${(error as Error).message}\ngenerated/ left unchanged.`);
    process.exit(1);
  }
}
