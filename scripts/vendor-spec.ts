/**
 * Vendors the provider's spec: reads a JSON, YAML or markdown-with-fenced-block source and writes
 * it unchanged (as JSON) to openapi.json. Usage: npm run vendor:spec [-- <source>] [-- --check]
 */
import { readFile, writeFile } from "node:fs/promises";
import { formatSpecJson, parseSpecSource } from "./lib/spec-source.js";
import { SPEC_PATH } from "./lib/paths.js";

const DEFAULT_SOURCE = "../shared/seed/000_0ca3cb8336c35dda.txt";

const args = process.argv.slice(2);
const check = args.includes("--check");
const source = args.find((arg) => !arg.startsWith("--")) ?? DEFAULT_SOURCE;

const vendored = formatSpecJson(parseSpecSource(await readFile(source, "utf8"), source));

if (check) {
  const current = await readFile(SPEC_PATH, "utf8").catch(() => "");
  if (current !== vendored) {
    console.error(`openapi.json differs from ${source}; run \`npm run vendor:spec -- ${source}\``);
    process.exit(1);
  }
  console.log(`openapi.json matches ${source}`);
} else {
  await writeFile(SPEC_PATH, vendored);
  console.log(`wrote openapi.json from ${source} (${vendored.length} bytes)`);
}
