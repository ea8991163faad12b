/**
 * Vendors the provider's spec: reads a JSON, YAML or markdown-with-fenced-block source and writes
 * it unchanged (as JSON) to openapi.json. Usage: npm run vendor:spec -- <source> [--check]
 * The source path is required (the provider's page as saved, e.g. test/fixtures/specs/provider-seed.md);
 * `--check` exits 1 when openapi.json differs from it. For a change to the spec, prefer spec:update,
 * which validates, reports and regenerates.
 */
import { readFile, writeFile } from "node:fs/promises";
import { formatSpecJson, parseSpecSource } from "./lib/spec-source.js";
import { SPEC_PATH } from "./lib/paths.js";

const args = process.argv.slice(2);
const check = args.includes("--check");
const source = args.find((arg) => !arg.startsWith("--"));
if (!source) {
  console.error("vendor:spec: usage: npm run vendor:spec -- <source> [--check] (the source path is required)");
  process.exit(2);
}

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
