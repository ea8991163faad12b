/**
 * Regenerates everything in generated/ from openapi.json.
 * `--check` renders in memory and exits 1 with a one-line summary per stale file.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { GENERATED_FILES } from "./lib/generated-files.js";
import { SPEC_PATH } from "./lib/paths.js";
import { summariseDifference } from "./lib/summarise-difference.js";

const check = process.argv.includes("--check");
const spec = JSON.parse(await readFile(SPEC_PATH, "utf8")) as Record<string, unknown>;
let stale = 0;

for (const file of GENERATED_FILES) {
  const rendered = await file.render(spec);
  if (check) {
    const difference = summariseDifference(await readFile(file.path, "utf8").catch(() => null), rendered);
    if (difference) {
      stale += 1;
      console.error(`generate:check: ${file.name} is stale (${difference}); run \`npm run generate\``);
    }
  } else {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, rendered);
    console.log(`generate: wrote ${file.name} (${rendered.length} bytes)`);
  }
}

if (check) {
  if (stale > 0) process.exit(1);
  console.log(`generate:check: ${GENERATED_FILES.length} files in generated/ match openapi.json`);
}
