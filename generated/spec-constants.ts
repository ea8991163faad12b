/**
 * GENERATED FILE: DO NOT EDIT.
 * Written by `npm run generate` (scripts/generate.ts) from openapi.json.
 */

/** The spec's first server (`servers[0].url`): the default base URL. */
export const DEFAULT_BASE_URL = "https://api.hyperbrowser.ai";
