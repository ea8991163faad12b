import { createHash } from "node:crypto";

const HEADER = `/**
 * GENERATED FILE: DO NOT EDIT.
 * Written by \`npm run generate\` (scripts/generate.ts) from openapi.json.
 */

`;

/**
 * Renders the runtime constants the client takes from the spec: its default server, and what spec it
 * was generated from (title, version, and the SHA-256 of openapi.json as stored: 2-space JSON, newline).
 */
export function renderSpecConstants(spec: Record<string, unknown>): string {
  const servers = spec["servers"];
  const first = Array.isArray(servers) ? (servers[0] as { url?: unknown } | undefined) : undefined;
  if (typeof first?.url !== "string")
    throw new Error("openapi.json: servers[0].url is missing; the client needs a default base URL");
  const info = (spec["info"] ?? {}) as { title?: unknown; version?: unknown };
  const specInfo = {
    title: String(info.title ?? ""),
    version: String(info.version ?? ""),
    sha256: createHash("sha256")
      .update(`${JSON.stringify(spec, null, 2)}\n`)
      .digest("hex"),
  };
  return (
    `${HEADER}/** The spec's first server (\`servers[0].url\`): the default base URL. */
export const DEFAULT_BASE_URL = ${JSON.stringify(first.url)};

/** The vendored spec this client was generated from. */
export const GENERATED_SPEC_INFO = ${JSON.stringify(specInfo, null, 2).replace(/"(\w+)":/g, "$1:")} as const;

/**
 * The properties each component schema declares (\`allOf\` merged), each with the component its value
 * refers to, or null: what the testing kit's fixtures may hold.
 */
export const SCHEMA_PROPERTIES: Readonly<Record<string, Readonly<Record<string, string | null>>>> ` +
    `= ${JSON.stringify(schemaProperties(spec), null, 2)};
`
  );
}

type Schema = { $ref?: string; allOf?: Schema[]; properties?: Record<string, Schema>; items?: Schema };

/** Property names of every component schema, \`allOf\` and \`$ref\` followed. */
function schemaProperties(spec: Record<string, unknown>): Record<string, Record<string, string | null>> {
  const schemas = (spec["components"] as { schemas?: Record<string, Schema> } | undefined)?.schemas ?? {};
  const refName = (ref: string | undefined) =>
    ref?.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : undefined;
  const collect = (schema: Schema | undefined, seen: Set<string>): Record<string, string | null> => {
    if (!schema) return {};
    const referenced = refName(schema.$ref);
    if (referenced !== undefined)
      return seen.has(referenced) ? {} : collect(schemas[referenced], new Set([...seen, referenced]));
    const own = Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([name, property]) => [name, refName(property.$ref) ?? null]),
    );
    return Object.assign({}, ...(schema.allOf ?? []).map((part) => collect(part, seen)), own) as Record<
      string,
      string | null
    >;
  };
  return Object.fromEntries(Object.keys(schemas).map((name) => [name, collect(schemas[name], new Set([name]))]));
}
