import { GENERATED_FILES } from "./generated-files.js";
import { failIfInjected } from "./injected-failure.js";
import { assertLocalRefs } from "./local-refs.js";

/** A file rendered in memory, not yet written. */
export interface RenderedFile {
  name: string;
  path: string;
  content: string;
}

/**
 * Renders every file of generated/ in memory (types, constants, validators, in that order); throws
 * naming the stage that failed, before anything is written.
 */
export async function renderGeneratedFiles(spec: Record<string, unknown>): Promise<RenderedFile[]> {
  // generate reads openapi.json without spec:update's validation, so the reference policy is checked here too.
  assertLocalRefs(spec, "openapi.json");
  const rendered: RenderedFile[] = [];
  for (const file of GENERATED_FILES) {
    try {
      failIfInjected(file.stage);
      rendered.push({ name: file.name, path: file.path, content: await file.render(spec) });
    } catch (error) {
      throw new Error(`${file.stage} stage failed (${file.name}): ${(error as Error).message}`, { cause: error });
    }
  }
  return rendered;
}
