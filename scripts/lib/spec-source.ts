import { parse as parseYaml } from "yaml";
import { SpecInputError } from "./spec-input-error.js";

/** A parsed OpenAPI document, exactly as the provider wrote it. */
export type OpenApiDocument = Record<string, unknown> & { openapi: string };

const FENCE_RE = /^(`{3,}|~{3,})[ \t]*(yaml|yml|json)\b[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm;

/**
 * Parses a spec source: plain JSON, plain YAML, or a markdown document holding exactly one
 * fenced ```yaml / ```json block that is an OpenAPI document (as the provider's docs page is).
 */
export function parseSpecSource(text: string, sourceName: string): OpenApiDocument {
  const fenced = [...text.matchAll(FENCE_RE)];
  const candidates = fenced.length > 0 ? fenced.map((match) => match[3] ?? "") : [text];
  const documents = candidates.map((body) => parseYamlOrJson(body, sourceName)).filter(isOpenApiDocument);
  if (documents.length !== 1) {
    const found = fenced.length > 0 ? `${fenced.length} fenced YAML/JSON block(s)` : "the whole file";
    throw new SpecInputError(
      `${sourceName}: expected exactly one OpenAPI 3.x document, found ${documents.length} in ${found}`,
    );
  }
  return documents[0] as OpenApiDocument;
}

/** Serialises a document the way `openapi.json` is stored: 2-space indent, trailing newline. */
export function formatSpecJson(document: OpenApiDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

function parseYamlOrJson(body: string, sourceName: string): unknown {
  try {
    // YAML 1.2 is a superset of JSON, so one parser reads both; `uniqueKeys` rejects silent overwrites.
    return parseYaml(body, { uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    throw new SpecInputError(`${sourceName}: not valid YAML or JSON: ${(error as Error).message}`, { cause: error });
  }
}

function isOpenApiDocument(value: unknown): value is OpenApiDocument {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { openapi?: unknown }).openapi === "string" &&
    /^3\.\d+\.\d+$/.test((value as { openapi: string }).openapi)
  );
}
