/**
 * Regenerates everything in generated/ from openapi.json.
 * `--check` renders in memory and exits 1 with a one-line summary per stale file.
 */
import { readFile } from "node:fs/promises";
import { GENERATED_FILES } from "./lib/generated-files.js";
import { SPEC_PATH } from "./lib/paths.js";
import { summariseDifference } from "./lib/summarise-difference.js";
import { writeGeneratedFiles } from "./lib/write-generated.js";

const check = process.argv.includes("--check");
const spec = JSON.parse(await readFile(SPEC_PATH, "utf8")) as Record<string, unknown>;

if (check) {
  let stale = 0;
  for (const file of GENERATED_FILES) {
    const difference = summariseDifference(await readFile(file.path, "utf8").catch(() => null), await file.render(spec));
    if (difference) {
      stale += 1;
      console.error(`generate:check: ${file.name} is stale (${difference}); run \`npm run generate\``);
    }
  }
  if (stale > 0) process.exit(1);
  console.log(`generate:check: ${GENERATED_FILES.length} files in generated/ match openapi.json`);
} else {
  for (const line of await writeGeneratedFiles(spec)) console.log(`generate: ${line}`);
}
