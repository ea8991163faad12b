/**
 * Size report of the public entry: esbuild bundle of src/index.ts, minified, gzip -9; Node's built-in
 * modules excluded (Node provides them). Fails when the bundle with its runtime dependency
 * (openapi-fetch) is over the 4 KB budget. Usage: npm run size
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { ROOT } from "./lib/paths.js";

const BUDGET_BYTES = 4 * 1024;

async function measure(external: string[]): Promise<{ minified: number; gzipped: number; lazy: number }> {
  const result = await build({
    entryPoints: [`${ROOT}src/index.ts`],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    splitting: true,
    outdir: "out",
    external,
    legalComments: "none",
    metafile: true,
  });
  const entry = result.outputFiles.find((file) => file.path.endsWith("/index.js"));
  if (!entry) throw new Error("no entry chunk in the esbuild output");
  const lazy = result.outputFiles.filter((file) => file !== entry).reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).byteLength, 0);
  return { minified: entry.contents.byteLength, gzipped: gzipSync(entry.contents, { level: 9 }).byteLength, lazy };
}

const withDependency = await measure([]);
const ownCode = await measure(["openapi-fetch"]);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
console.log("Size of the public entry (esbuild, minified, gzip -9, Node built-ins excluded)");
console.log(`  with openapi-fetch bundled: ${kb(withDependency.minified)} minified, ${kb(withDependency.gzipped)} gzip (budget ${kb(BUDGET_BYTES)})`);
console.log(`  this package's code alone:  ${kb(ownCode.minified)} minified, ${kb(ownCode.gzipped)} gzip`);
console.log(`  loaded only with validateResponses on: ${kb(withDependency.lazy)} gzip (the generated validators)`);
if (withDependency.gzipped > BUDGET_BYTES) {
  console.error(`size: over budget by ${withDependency.gzipped - BUDGET_BYTES} bytes`);
  process.exitCode = 1;
}
