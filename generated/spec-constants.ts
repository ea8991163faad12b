/**
 * GENERATED FILE: DO NOT EDIT.
 * Written by `npm run generate` (scripts/generate.ts) from openapi.json.
 */

/** The spec's first server (`servers[0].url`): the default base URL. */
export const DEFAULT_BASE_URL = "https://api.hyperbrowser.ai";

/** The vendored spec this client was generated from. */
export const GENERATED_SPEC_INFO = {
  title: "Hyperbrowser API",
  version: "1.0.0",
  sha256: "b00937296af9b4b5fe36bb053cd0c14e024203b4fe02ac331cf93c87a142e1aa"
} as const;
