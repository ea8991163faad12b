import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "../run-command.js";

/** The consumer written against the last release; its import alias is mapped to the new declarations. */
export const CONSUMER_FIXTURE = "test/fixtures/release-consumer/consumer.ts";
const ALIAS = "hyperbrowser-session-client";

/**
 * Type-checks the frozen consumer fixture against the built declarations (`dist/types/esm`), strict,
 * without skipping library checks. Returns tsc's error lines; empty means it still compiles.
 */
export async function compileConsumerFixture(root: string): Promise<string[]> {
  const work = await mkdtemp(join(tmpdir(), "release-consumer-"));
  try {
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: false,
        module: "nodenext",
        moduleResolution: "nodenext",
        target: "es2022",
        lib: ["es2023", "dom", "esnext.disposable"],
        typeRoots: [join(root, "node_modules/@types")],
        types: ["node"],
        paths: { [ALIAS]: [join(root, "dist/types/esm/src/index.d.ts")] },
      },
      files: [join(root, CONSUMER_FIXTURE)],
    };
    await writeFile(join(work, "tsconfig.json"), JSON.stringify(tsconfig));
    const result = await runCommand(
      process.execPath,
      [join(root, "node_modules/typescript/bin/tsc"), "-p", join(work, "tsconfig.json")],
      { cwd: root, timeoutMs: 300_000 },
    );
    return result.code === 0
      ? []
      : `${result.stdout}${result.stderr}`.split("\n").filter((line) => line.includes("error TS"));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
