/** Keywords OpenAPI 3.0 allows in a Schema Object that JSON Schema (and so Ajv strict mode) does not know. */
const OPENAPI_ONLY = new Set(["nullable", "example", "discriminator", "xml", "externalDocs"]);
/** Keywords whose value is one subschema. */
const ONE = new Set(["items", "not", "additionalProperties"]);
/** Keywords whose value is a list of subschemas. */
const LIST = new Set(["allOf", "oneOf", "anyOf"]);

type Schema = Record<string, unknown>;

/**
 * Translates an OpenAPI 3.0 Schema Object into the JSON Schema Ajv compiles in strict mode:
 * `nullable: true` becomes a `"null"` type (or, beside `$ref`/`allOf`/`oneOf`/`anyOf` without a type,
 * an `anyOf` with `{ type: "null" }`), and an `enum` gains `null`; `example`, `discriminator`, `xml`,
 * `externalDocs` and `x-*` extensions, which only document, are dropped. Everything else (`pattern`,
 * `additionalProperties`, `format`, `deprecated`, `readOnly`, `writeOnly`) is kept. Pure: the input is
 * not modified. Property names are data, not keywords, so a property called `example` stays.
 */
export function openApiSchemaToAjv(schema: unknown): unknown {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (OPENAPI_ONLY.has(key) || key.startsWith("x-")) continue;
    if (ONE.has(key)) out[key] = openApiSchemaToAjv(value);
    else if (LIST.has(key) && Array.isArray(value)) out[key] = value.map(openApiSchemaToAjv);
    else if (key === "properties" && typeof value === "object" && value !== null) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, openApiSchemaToAjv(property)]),
      );
    } else out[key] = value;
  }
  return (schema as Schema)["nullable"] === true ? allowNull(out) : out;
}

function allowNull(schema: Schema): Schema {
  const { type, enum: values } = schema;
  const withEnum =
    Array.isArray(values) && !values.includes(null) ? { ...schema, enum: [...(values as unknown[]), null] } : schema;
  if (typeof type === "string") return { ...withEnum, type: [type, "null"] };
  if (Array.isArray(type))
    return type.includes("null") ? withEnum : { ...withEnum, type: [...(type as unknown[]), "null"] };
  // Without a type, `null` would be checked against $ref/allOf/oneOf/anyOf and fail; offer it as an alternative.
  if (Array.isArray(values)) return withEnum;
  return { anyOf: [schema, { type: "null" }] };
}

/** Every `format` the schemas under `node` use, for registering the ones the spec does not define. */
export function collectFormats(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) collectFormats(item, found);
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "format" && typeof value === "string") found.add(value);
      else collectFormats(value, found);
    }
  }
  return found;
}
