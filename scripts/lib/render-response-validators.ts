import standaloneCode from "ajv/dist/standalone/index.js";
import { openApiSchemaToAjv } from "./openapi-schema-to-ajv.js";
import { anchorRefs, createSpecAjv } from "./spec-ajv.js";
import { listOperations } from "./spec-operations.js";

const HEADER = `/**
 * GENERATED FILE: DO NOT EDIT.
 * Written by \`npm run generate\` (scripts/generate.ts, Ajv standalone code) from openapi.json.
 * Validators of each operation's JSON response bodies, compiled ahead of time: the runtime carries no
 * schema compiler, and these cannot disagree with generated/schema.d.ts (both come from one spec).
 */
// @ts-nocheck: the code below is Ajv's output.

`;

const isJson = (mediaType: string) => /^application\/(?:[^/]+\+)?json$/.test(mediaType.split(";")[0]?.trim() ?? "");

/** Renders `generated/response-validators.ts` for a spec; deterministic. */
export function renderResponseValidators(spec: Record<string, unknown>): string {
  const ajv = createSpecAjv(spec, { code: { source: true, esm: true, lines: true, optimize: 1 } });
  const exports: Record<string, string> = {};
  const table: string[] = [];
  for (const operation of listOperations(spec)) {
    const responses = (operation.operation["responses"] ?? {}) as Record<
      string,
      { content?: Record<string, { schema?: unknown }> }
    >;
    const entries: string[] = [];
    for (const status of operation.statuses) {
      const mediaType = Object.keys(responses[status]?.content ?? {}).find(isJson);
      const schema = mediaType ? responses[status]?.content?.[mediaType]?.schema : undefined;
      if (schema === undefined) continue;
      const name = `validate_${Object.keys(exports).length}`;
      const id = name; // a plain id, so relative `openapi.json#…` refs resolve to the registered spec
      ajv.addSchema({ $id: id, ...(anchorRefs(openApiSchemaToAjv(schema)) as object) });
      exports[name] = id;
      entries.push(`    ${JSON.stringify(status)}: ${name},`);
    }
    table.push(`  ${JSON.stringify(operation.key)}: {\n${entries.join("\n")}\n  },`);
  }
  // Only the table is exported: Ajv's functions have untyped signatures that would leak into declarations.
  const code = standaloneCode
    .default(ajv, exports)
    .replace(/^"use strict";\s*/, "")
    .replace(/^export const (validate_\d+) = /gm, "const $1 = ");
  return `${HEADER}${code}

/** Checks one JSON body; on failure its \`errors\` say where. */
export interface ResponseValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[] | null;
}

/** Validators by operation (\`"GET /api/session/{id}"\`) and declared status (\`"200"\`). */
export const responseValidators: Readonly<Record<string, Readonly<Record<string, ResponseValidator>>>> = {
${table.join("\n")}
};
`;
}
