const HEADER = `/**
 * GENERATED FILE: DO NOT EDIT.
 * Written by \`npm run generate\` (scripts/generate.ts) from openapi.json.
 */

`;

/** Renders the runtime constants the client takes from the spec (its default server). */
export function renderSpecConstants(spec: Record<string, unknown>): string {
  const servers = spec["servers"];
  const first = Array.isArray(servers) ? (servers[0] as { url?: unknown } | undefined) : undefined;
  if (typeof first?.url !== "string") throw new Error("openapi.json: servers[0].url is missing; the client needs a default base URL");
  return `${HEADER}/** The spec's first server (\`servers[0].url\`): the default base URL. */\nexport const DEFAULT_BASE_URL = ${JSON.stringify(first.url)};\n`;
}
