/**
 * Takes a new version of the provider's spec (JSON, YAML, or markdown with a fenced block), validates
 * it, prints what changes for clients, and (unless --check) writes openapi.json and regenerates generated/.
 *
 * Usage: npm run spec:update -- <file> [--check] [--allow-breaking]
 *   --check           compare only; exit 1 on a breaking change (unless --allow-breaking)
 *   --allow-breaking  accept a breaking change (without it, nothing is written and the exit code is 1)
 * All or nothing: the report, the types, the constants and the validators are all produced in memory
 * before openapi.json and generated/ are replaced together; on any failure both stay byte-identical.
 * Exit codes: 0 written (or --check passed), 1 breaking or a generation failure, 2 usage error or an
 * unacceptable document (invalid, OpenAPI 3.1, a non-local `$ref`).
 */
import { readFile } from "node:fs/promises";
import { compareWithVendoredSpec, vendorSpec } from "./lib/spec-comparison.js";
import { SpecInputError } from "./lib/spec-input-error.js";

const args = process.argv.slice(2);
const source = args.find((arg) => !arg.startsWith("--"));
const check = args.includes("--check");
const allowBreaking = args.includes("--allow-breaking");
const unknown = args.filter((arg) => arg.startsWith("--") && arg !== "--check" && arg !== "--allow-breaking");

if (!source || unknown.length > 0) {
  console.error(
    "spec:update: usage: npm run spec:update -- <file> [--check] [--allow-breaking]" +
      `${unknown.length ? ` (unknown: ${unknown.join(" ")})` : ""}`,
  );
  process.exit(2);
}

try {
  const comparison = await compareWithVendoredSpec(await readFile(source, "utf8"), source);
  console.log(comparison.text);
  if (comparison.report.breaking && !allowBreaking) {
    console.error(
      `\nspec:update: breaking changes for clients; ${check ? "failing the check" : "openapi.json left unchanged"}. ` +
        "Re-run with --allow-breaking to accept them.",
    );
    process.exit(1);
  }
  if (!check) {
    const written = await vendorSpec(comparison.next);
    console.log(`\nspec:update: wrote openapi.json; ${written.join("; ")}`);
  }
} catch (error) {
  console.error(`spec:update: ${(error as Error).message}\nopenapi.json and generated/ left unchanged.`);
  process.exit(error instanceof SpecInputError ? 2 : 1);
}
