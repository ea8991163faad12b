import { Ajv, type ValidateFunction } from "ajv";

const UUID_RE = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/**
 * JSON Schema validators for the spec's component schemas, with the spec's formats decided here:
 * `uuid` is checked; the provider's own `timestamp-milliseconds` and `iso8601` are annotations
 * (accepted as any string), since the spec defines neither and its own examples do not follow one.
 */
export function createSpecValidators(spec: Record<string, unknown>): (schemaName: string) => ValidateFunction {
  const components = (spec["components"] ?? {}) as { schemas?: Record<string, unknown> };
  const ajv = new Ajv({
    strict: true,
    allErrors: true,
    formats: { uuid: UUID_RE, "timestamp-milliseconds": true, iso8601: true },
  });
  // `components` is where the spec keeps its schemas; registering it lets `#/components/schemas/X` refs resolve.
  ajv.addKeyword("components");
  ajv.addSchema({ $id: "openapi.json", components: { schemas: components.schemas ?? {} } });
  return (schemaName) => {
    const validate = ajv.getSchema(`openapi.json#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`openapi.json has no schema components.schemas.${schemaName}`);
    return validate;
  };
}
