import { resolvePointer } from "../../../scripts/lib/schema-changes.js";

type Schema = Record<string, unknown>;

/** Thrown when no value can be derived from a schema: the message names why, so an override can fix it. */
export class NotDerivableError extends Error {
  override name = "NotDerivableError" as const;
}

/** Values for string formats a request may carry; anything else is any string. */
const FORMAT_SAMPLES: Record<string, string> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "00:00:00Z",
  uuid: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
  email: "contract@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  hostname: "example.com",
  ipv4: "127.0.0.1",
  ipv6: "::1",
  byte: "AA==",
};
const MAX_DEPTH = 20;

/**
 * A value for `schema` (a Schema Object of `document`): its `example` or `default` when it has one,
 * otherwise a minimal valid instance (required properties only, the first `enum` value, the first
 * `oneOf`/`anyOf` branch with its discriminator set, bounds respected). `readOnly` properties are
 * left out, as in a request. Throws NotDerivableError when the schema allows no derivation (a
 * `pattern` or `not` without an example, a cycle through required properties).
 */
export function sampleValue(schema: unknown, document: unknown, where: string, depth = 0): unknown {
  if (depth > MAX_DEPTH)
    throw new NotDerivableError(`${where}: required properties form a cycle deeper than ${MAX_DEPTH}`);
  if (typeof schema !== "object" || schema === null) return {};
  const node = schema as Schema;
  const ref = node["$ref"];
  if (typeof ref === "string") {
    const target = resolvePointer(document, ref);
    if (target === undefined) throw new NotDerivableError(`${where}: $ref ${ref} does not resolve inside the document`);
    return sampleValue(target, document, where, depth + 1);
  }
  if ("example" in node) return node["example"];
  if ("default" in node) return node["default"];
  if (Array.isArray(node["enum"])) {
    const value: unknown = node["enum"].find((candidate) => candidate !== null);
    if (value === undefined) return null;
    return value;
  }
  if (Array.isArray(node["allOf"]))
    return mergeAll(
      node["allOf"].map((part: unknown, index) => sampleValue(part, document, `${where}.allOf[${index}]`, depth + 1)),
    );
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = node[key];
    if (Array.isArray(branches) && branches.length > 0) {
      const value = sampleValue(branches[0], document, `${where}.${key}[0]`, depth + 1);
      return withDiscriminator(node, branches[0], value);
    }
  }
  if ("not" in node) throw new NotDerivableError(`${where}: a "not" schema without an example`);
  const type = node["type"];
  if (type === "object" || (type === undefined && typeof node["properties"] === "object"))
    return sampleObject(node, document, where, depth);
  if (type === "array") {
    const count = typeof node["minItems"] === "number" ? node["minItems"] : 0;
    return Array.from({ length: count }, (_, index) =>
      sampleValue(node["items"], document, `${where}[${index}]`, depth + 1),
    );
  }
  if (type === "string") return sampleString(node, where);
  if (type === "integer" || type === "number") return sampleNumber(node, type);
  if (type === "boolean") return false;
  if (node["nullable"] === true) return null;
  return {};
}

function sampleObject(node: Schema, document: unknown, where: string, depth: number): Record<string, unknown> {
  const properties = (node["properties"] ?? {}) as Record<string, Schema>;
  const required = Array.isArray(node["required"]) ? (node["required"] as string[]) : [];
  const out: Record<string, unknown> = {};
  for (const name of required) {
    const property = properties[name];
    if (property && resolveShallow(property, document)["readOnly"] === true) continue;
    out[name] = sampleValue(property ?? {}, document, `${where}.${name}`, depth + 1);
  }
  return out;
}

function sampleString(node: Schema, where: string): string {
  if (typeof node["pattern"] === "string")
    throw new NotDerivableError(`${where}: a string with pattern ${node["pattern"]} and no example`);
  const format = typeof node["format"] === "string" ? FORMAT_SAMPLES[node["format"]] : undefined;
  const minLength = typeof node["minLength"] === "number" ? node["minLength"] : 0;
  // "string" rather than "": an empty value makes an empty path segment or looks absent in a query.
  const value = format ?? "string";
  return value.length >= minLength ? value : value.padEnd(minLength, "x");
}

function sampleNumber(node: Schema, type: "integer" | "number"): number {
  const minimum = typeof node["minimum"] === "number" ? node["minimum"] : undefined;
  const maximum = typeof node["maximum"] === "number" ? node["maximum"] : undefined;
  let value = minimum ?? (maximum !== undefined && maximum < 0 ? maximum : 0);
  if (node["exclusiveMinimum"] === true && minimum !== undefined) value = minimum + 1;
  return type === "integer" ? Math.ceil(value) : value;
}

function mergeAll(values: unknown[]): unknown {
  if (values.every((value) => typeof value === "object" && value !== null && !Array.isArray(value)))
    return Object.assign({}, ...values);
  return values.at(-1);
}

/** Sets the discriminator property to the name that selects `branch` (from the mapping, else the schema name). */
function withDiscriminator(node: Schema, branch: unknown, value: unknown): unknown {
  const discriminator = node["discriminator"] as
    { propertyName?: string; mapping?: Record<string, string> } | undefined;
  const ref = (branch as Schema)["$ref"];
  if (!discriminator?.propertyName || typeof ref !== "string" || typeof value !== "object" || value === null)
    return value;
  const mapped = Object.entries(discriminator.mapping ?? {}).find(([, target]) => target === ref)?.[0];
  return { ...value, [discriminator.propertyName]: mapped ?? ref.split("/").at(-1) };
}

function resolveShallow(schema: Schema, document: unknown): Schema {
  const ref = schema["$ref"];
  return typeof ref === "string" ? ((resolvePointer(document, ref) ?? {}) as Schema) : schema;
}
