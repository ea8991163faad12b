import SwaggerParser from "@apidevtools/swagger-parser";
import { failIfInjected } from "./injected-failure.js";
import { assertLocalRefs } from "./local-refs.js";
import { SpecInputError } from "./spec-input-error.js";
import type { OpenApiDocument } from "./spec-source.js";

interface ValidationDetail {
  message: string;
  path?: (string | number)[];
  inner?: ValidationDetail[];
}

const toPointer = (path: readonly (string | number)[]): string =>
  `#/${path.map((part) => String(part).replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;

/**
 * Validates a document as OpenAPI 3.0 (structure and `$ref` targets) with swagger-parser, throwing
 * an error that lists each problem with its JSON-pointer location. The document is not modified.
 */
export async function validateOpenApiDocument(document: OpenApiDocument, sourceName: string): Promise<void> {
  const fail = (problems: string[], cause?: unknown): never => {
    throw new SpecInputError(
      `${sourceName} is not a valid OpenAPI 3.0 document:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
      { cause },
    );
  };
  failIfInjected("validation");
  if (/^3\.1\./.test(document.openapi))
    fail([
      `OpenAPI ${document.openapi} is not supported (at #/openapi): only 3.0.x documents are; 3.1 changes the ` +
        `schema vocabulary (type: [T, "null"], examples) and nothing here translates it`,
    ]);
  if (!/^3\.0\.\d+$/.test(document.openapi))
    fail([`unsupported version ${JSON.stringify(document.openapi)} at #/openapi (3.0.x is supported)`]);
  assertLocalRefs(document, sourceName);
  const missing = ["info", "paths"].filter((key) => typeof document[key] !== "object" || document[key] === null);
  if (missing.length > 0) fail(missing.map((key) => `missing required property: ${key} at #/`));
  try {
    // External resolution off as well: assertLocalRefs has already refused any reference outside the document.
    await SwaggerParser.validate(
      structuredClone(document) as never,
      { resolve: { external: false } } as SwaggerParser.Options,
    );
  } catch (error) {
    const details = (error as { details?: ValidationDetail[] }).details;
    const problems = details?.length
      ? details.flatMap((detail) => describe(document, detail, [[]]))
      : [(error as Error).message];
    // A failed schema also fails the oneOf alternative "a $ref": noise, unless it is the only finding.
    const meaningful = problems.filter((problem) => !problem.startsWith("Missing required property: $ref"));
    fail(meaningful.length > 0 ? meaningful : problems, error);
  }
}

type Path = readonly (string | number)[];

/**
 * The deepest messages of a swagger-parser detail, each with its location in the document. Inner
 * details of a `oneOf` failure give their path sometimes from the root, sometimes from an enclosing
 * location, so each is resolved against the closest enclosing location where it exists.
 */
function describe(document: unknown, detail: ValidationDetail, enclosing: readonly Path[]): string[] {
  const relative = detail.path ?? [];
  const bases = [...enclosing].reverse();
  const base = bases.find((candidate) => exists(document, [...candidate, ...relative.slice(0, -1)])) ?? [];
  const path = [...base, ...relative];
  if (!detail.inner?.length) return [`${detail.message} at ${toPointer(path)}`];
  return detail.inner.flatMap((inner) => describe(document, inner, [...enclosing, path]));
}

function exists(document: unknown, path: Path): boolean {
  let node = document;
  for (const part of path) {
    if (typeof node !== "object" || node === null || !(String(part) in node)) return false;
    node = (node as Record<string, unknown>)[String(part)];
  }
  return true;
}
