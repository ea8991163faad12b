import { readFile } from "node:fs/promises";
import { formatChangeReport } from "./format-change-report.js";
import { SPEC_PATH } from "./paths.js";
import { diffSpecs, type ChangeReport } from "./spec-diff.js";
import { formatSpecJson, parseSpecSource, type OpenApiDocument } from "./spec-source.js";
import { validateOpenApiDocument } from "./validate-spec.js";
import { renderGeneratedFiles } from "./render-generated.js";
import { replaceFiles } from "./replace-files.js";

/** A candidate spec compared with the vendored openapi.json. */
export interface SpecComparison {
  next: OpenApiDocument;
  report: ChangeReport;
  /** The change report as printed. */
  text: string;
  /** True when the candidate, stored as openapi.json is, would be byte for byte the same file. */
  identical: boolean;
}

const versionOf = (document: Record<string, unknown>) =>
  String((document["info"] as { version?: unknown } | undefined)?.version ?? "?");

/**
 * Parses a candidate (JSON, YAML, or markdown with one fenced block), validates it as OpenAPI 3.0 and
 * classifies every change against openapi.json for clients. Throws when it is not a valid document.
 */
export async function compareWithVendoredSpec(
  sourceText: string,
  sourceName: string,
  specPath = SPEC_PATH,
): Promise<SpecComparison> {
  const next = parseSpecSource(sourceText, sourceName);
  await validateOpenApiDocument(next, sourceName);
  const currentText = await readFile(specPath, "utf8");
  const current = JSON.parse(currentText) as Record<string, unknown>;
  const report = await diffSpecs(current, next);
  const text = formatChangeReport(
    report,
    `Spec change report: openapi.json (${versionOf(current)}) → ${sourceName} (${versionOf(next)})`,
  );
  return { next, report, text, identical: formatSpecJson(next) === currentText };
}

/**
 * Writes a candidate as openapi.json and regenerates generated/, all or nothing: everything is rendered
 * in memory first, then all files are replaced together; returns what was written.
 */
export async function vendorSpec(next: OpenApiDocument, specPath = SPEC_PATH): Promise<string[]> {
  const generated = await renderGeneratedFiles(next);
  return replaceFiles([{ name: "openapi.json", path: specPath, content: formatSpecJson(next) }, ...generated]);
}
