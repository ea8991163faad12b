import { Ajv, type Options, type ValidateFunction } from "ajv";
import { collectFormats, openApiSchemaToAjv } from "./openapi-schema-to-ajv.js";

const UUID_RE = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** Where the spec's component schemas are registered, for `$ref`s. */
export const SPEC_SCHEMA_ID = "openapi.json";

/**
 * An Ajv instance (strict mode) holding the spec's component schemas translated from OpenAPI 3.0
 * (`openApiSchemaToAjv`), with the spec's formats decided here: `uuid` is checked; every other format
 * the spec uses (the provider's own `timestamp-milliseconds`, `iso8601`, …) is an annotation (any
 * string passes), since the spec defines none of them and its own examples follow no single form.
 * Used by the contract tests and by the generator of the runtime validators, so both agree.
 */
export function createSpecAjv(spec: Record<string, unknown>, options: Options = {}): Ajv {
  const components = (spec["components"] ?? {}) as { schemas?: Record<string, unknown> };
  const annotations = Object.fromEntries(
    [...collectFormats(spec["paths"]), ...collectFormats(components.schemas)].map((name) => [name, true as const]),
  );
  const ajv = new Ajv({
    strict: true,
    // `nullable: true` becomes `type: [T, "null"]`, which strict mode accepts only with union types allowed.
    allowUnionTypes: true,
    allErrors: true,
    formats: { ...annotations, uuid: UUID_RE },
    ...options,
  });
  // `components` is where the spec keeps its schemas; registering it lets `#/components/schemas/X` refs resolve.
  ajv.addKeyword("components");
  ajv.addSchema({ $id: SPEC_SCHEMA_ID, components: { schemas: translateAll(components.schemas ?? {}) } });
  return ajv;
}

function translateAll(schemas: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, openApiSchemaToAjv(schema)]));
}

/** Validators for the spec's component schemas by name (`SessionDetail`). */
export function createSpecValidators(spec: Record<string, unknown>): (schemaName: string) => ValidateFunction {
  const ajv = createSpecAjv(spec);
  return (schemaName) => {
    const validate = ajv.getSchema(`${SPEC_SCHEMA_ID}#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`openapi.json has no schema components.schemas.${schemaName}`);
    return validate;
  };
}

/** Points a schema's local `$ref`s (`#/components/…`) at the registered spec, so it compiles on its own. */
export function anchorRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(anchorRefs);
  if (typeof schema !== "object" || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === "$ref" && typeof value === "string" && value.startsWith("#/")
        ? `${SPEC_SCHEMA_ID}${value}`
        : anchorRefs(value),
    ]),
  );
}
