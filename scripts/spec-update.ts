/**
 * Takes a new version of the provider's spec (JSON, YAML, or markdown with a fenced block), validates
 * it, prints what changes for clients, and (unless --check) writes openapi.json and regenerates generated/.
 *
 * Usage: npm run spec:update -- <file> [--check] [--allow-breaking]
 *   --check           compare only; exit 1 on a breaking change (unless --allow-breaking)
 *   --allow-breaking  accept a breaking change (without it, nothing is written and the exit code is 1)
 */
import { readFile, writeFile } from "node:fs/promises";
import { formatChangeReport } from "./lib/format-change-report.js";
import { SPEC_PATH } from "./lib/paths.js";
import { diffSpecs } from "./lib/spec-diff.js";
import { formatSpecJson, parseSpecSource } from "./lib/spec-source.js";
import { validateOpenApiDocument } from "./lib/validate-spec.js";
import { writeGeneratedFiles } from "./lib/write-generated.js";

const args = process.argv.slice(2);
const source = args.find((arg) => !arg.startsWith("--"));
const check = args.includes("--check");
const allowBreaking = args.includes("--allow-breaking");
const unknown = args.filter((arg) => arg.startsWith("--") && arg !== "--check" && arg !== "--allow-breaking");

if (!source || unknown.length > 0) {
  console.error(`spec:update: usage: npm run spec:update -- <file> [--check] [--allow-breaking]${unknown.length ? ` (unknown: ${unknown.join(" ")})` : ""}`);
  process.exit(2);
}

try {
  const next = parseSpecSource(await readFile(source, "utf8"), source);
  await validateOpenApiDocument(next, source);
  const current = JSON.parse(await readFile(SPEC_PATH, "utf8")) as Record<string, unknown>;
  const report = await diffSpecs(current, next);
  const version = (document: Record<string, unknown>) => String((document["info"] as { version?: unknown } | undefined)?.version ?? "?");
  console.log(formatChangeReport(report, `Spec change report: openapi.json (${version(current)}) → ${source} (${version(next)})`));

  if (report.breaking && !allowBreaking) {
    console.error(`\nspec:update: breaking changes for clients; ${check ? "failing the check" : "openapi.json left unchanged"}. Re-run with --allow-breaking to accept them.`);
    process.exit(1);
  }
  if (!check) {
    await writeFile(SPEC_PATH, formatSpecJson(next));
    const written = await writeGeneratedFiles(next);
    console.log(`\nspec:update: wrote openapi.json; ${written.join("; ")}`);
  }
} catch (error) {
  console.error(`spec:update: ${(error as Error).message}\nopenapi.json left unchanged.`);
  process.exit(1);
}
