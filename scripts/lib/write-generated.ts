import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { GENERATED_FILES } from "./generated-files.js";

/** Renders every file in generated/ from a spec and writes it; returns the lines it would print. */
export async function writeGeneratedFiles(spec: Record<string, unknown>): Promise<string[]> {
  const written: string[] = [];
  for (const file of GENERATED_FILES) {
    const rendered = await file.render(spec);
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, rendered);
    written.push(`wrote ${file.name} (${rendered.length} bytes)`);
  }
  return written;
}
