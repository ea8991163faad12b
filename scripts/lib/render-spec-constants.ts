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
  if (typeof first?.url !== "string") throw new Error("openapi.json: servers[0].url is missing; the client needs a default base URL");
  const info = (spec["info"] ?? {}) as { title?: unknown; version?: unknown };
  const specInfo = {
    title: String(info.title ?? ""),
    version: String(info.version ?? ""),
    sha256: createHash("sha256").update(`${JSON.stringify(spec, null, 2)}\n`).digest("hex"),
  };
  return `${HEADER}/** The spec's first server (\`servers[0].url\`): the default base URL. */
export const DEFAULT_BASE_URL = ${JSON.stringify(first.url)};

/** The vendored spec this client was generated from. */
export const GENERATED_SPEC_INFO = ${JSON.stringify(specInfo, null, 2).replace(/"(\w+)":/g, "$1:")} as const;
`;
}
