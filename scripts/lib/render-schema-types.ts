import openapiTS, { astToString } from "openapi-typescript";
import type { OpenAPI3 } from "openapi-typescript";

const HEADER = `/**
 * GENERATED FILE: DO NOT EDIT.
 * Written by \`npm run generate\` (scripts/generate.ts, openapi-typescript) from openapi.json.
 * To change it, vendor a new spec (\`npm run vendor:spec -- <file>\`) and run \`npm run generate\`.
 */

`;

/** Renders the TypeScript types for a spec; pure and deterministic (same spec, same bytes); never changes `spec`. */
export async function renderSchemaTypes(spec: Record<string, unknown>): Promise<string> {
  // openapi-typescript writes into the document it is given (a description on a discriminator's enum
  // property): on a copy, so the spec:update writes and SPEC_INFO hashes is the provider's document.
  const ast = await openapiTS(structuredClone(spec) as unknown as OpenAPI3, {
    // A default is what the server applies to requests; it does not promise the field in a response.
    defaultNonNullable: false,
    silent: true,
  });
  return HEADER + astToString(ast);
}
