import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { failIfInjected } from "./injected-failure.js";
import type { RenderedFile } from "./render-generated.js";

/**
 * Replaces files as one step as far as a file system allows: every file is first written beside its
 * target as a temp file, and only when all are written are they renamed over their targets (a rename
 * within a directory is atomic). A failure while writing removes the temp files and leaves every target as it was.
 */
export async function replaceFiles(files: readonly RenderedFile[]): Promise<string[]> {
  const temps = files.map((file) => join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`));
  try {
    for (const [index, file] of files.entries()) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(temps[index] as string, file.content);
    }
    failIfInjected("write");
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    throw new Error(`write stage failed: ${(error as Error).message}`, { cause: error });
  }
  for (const [index, file] of files.entries()) await rename(temps[index] as string, file.path);
  return files.map((file) => `wrote ${file.name} (${file.content.length} bytes)`);
}
