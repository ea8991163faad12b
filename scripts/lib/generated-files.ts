import { fileURLToPath } from "node:url";
import type { PipelineStage } from "./injected-failure.js";
import { renderResponseValidators } from "./render-response-validators.js";
import { renderSchemaTypes } from "./render-schema-types.js";
import { renderSpecConstants } from "./render-spec-constants.js";

/** One file that `npm run generate` writes from openapi.json. */
export interface GeneratedFile {
  /** Path relative to the repository root, for messages. */
  name: string;
  path: string;
  /** The stage that renders it, named in the message when it fails. */
  stage: PipelineStage;
  render(spec: Record<string, unknown>): string | Promise<string>;
}

const at = (name: string): string => fileURLToPath(new URL(`../../${name}`, import.meta.url));

/** Everything in generated/, each with the function that renders it from the spec. */
export const GENERATED_FILES: readonly GeneratedFile[] = [
  { name: "generated/schema.d.ts", path: at("generated/schema.d.ts"), stage: "types", render: renderSchemaTypes },
  {
    name: "generated/spec-constants.ts",
    path: at("generated/spec-constants.ts"),
    stage: "constants",
    render: renderSpecConstants,
  },
  {
    name: "generated/response-validators.ts",
    path: at("generated/response-validators.ts"),
    stage: "validators",
    render: renderResponseValidators,
  },
];
