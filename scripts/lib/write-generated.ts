import { renderGeneratedFiles } from "./render-generated.js";
import { replaceFiles } from "./replace-files.js";

/** Renders every file in generated/ from a spec in memory, then replaces them all; returns the lines to print. */
export async function writeGeneratedFiles(spec: Record<string, unknown>): Promise<string[]> {
  return replaceFiles(await renderGeneratedFiles(spec));
}
