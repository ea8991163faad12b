/** The stages of spec:update / generate, in order; each can be made to fail for the all-or-nothing tests. */
export type PipelineStage = "validation" | "types" | "constants" | "validators" | "write";

/**
 * Throws when `SPEC_PIPELINE_FAIL_AT` names this stage. Only the tests set it: it proves that a failure
 * at any stage leaves openapi.json and generated/ byte-identical.
 */
export function failIfInjected(stage: PipelineStage): void {
  if (process.env["SPEC_PIPELINE_FAIL_AT"] === stage)
    throw new Error(`injected failure (SPEC_PIPELINE_FAIL_AT=${stage})`);
}
