/**
 * Size budgets of the public entry, as regression budgets (measured figures plus a small margin; run by
 * `npm test` through test/package/budgets.test.ts), and its cold import time as a reported figure:
 * - size: esbuild bundle of src/index.ts, minified, gzip -9, Node built-ins excluded, with its runtime
 *   dependency (openapi-fetch) bundled and without it;
 * - cold import of dist/index.js (ESM) in a fresh process, with @opentelemetry/api installed (it is, in
 *   this repository): the best CPU time of 7 imports, the one least disturbed by other work (`npm test`
 *   runs other files at the same time); the median and wall times are shown too. `npm run build` must have run.
 * Exits 1 over a size budget. The import time is compared with its target and printed, never gated: on a
 * shared machine a timing is a figure to read, not a test verdict. Usage: npm run size
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { ROOT } from "./lib/paths.js";

// The measured figures plus about 5%: a regression budget, not an aspiration.
const BUDGET = { withDependencyGzip: 22_200, ownCodeGzip: 20_000, importCpuMs: 20 };
const IMPORTS = 7;

async function measure(external: string[]): Promise<{ minified: number; gzipped: number; lazy: number }> {
  const result = await build({
    entryPoints: [join(ROOT, "src/index.ts")],
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
  const lazy = result.outputFiles
    .filter((file) => file !== entry)
    .reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).byteLength, 0);
  return { minified: entry.contents.byteLength, gzipped: gzipSync(entry.contents, { level: 9 }).byteLength, lazy };
}

function coldImport(): { wallMs: number; cpuMs: number } {
  const url = pathToFileURL(join(ROOT, "dist/index.js")).href;
  const script =
    `const cpu = process.cpuUsage(); const started = performance.now(); await ` +
    `import(${JSON.stringify(url)});
const used = process.cpuUsage(cpu); console.log(JSON.stringify({ wallMs: performance.now() - started, cpuMs: ` +
    `(used.user + used.system) / 1000 }));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as {
    wallMs: number;
    cpuMs: number;
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const withDependency = await measure([]);
const ownCode = await measure(["openapi-fetch"]);
const imports = Array.from({ length: IMPORTS }, coldImport);
const importCpu = Math.min(...imports.map((run) => run.cpuMs));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const checks: [string, number, number, (value: number) => string][] = [
  ["with openapi-fetch bundled, gzip", withDependency.gzipped, BUDGET.withDependencyGzip, kb],
  ["this package's code alone, gzip", ownCode.gzipped, BUDGET.ownCodeGzip, kb],
];
console.log("Size and import time of the public entry (esbuild, minified, gzip -9, Node built-ins excluded)");
console.log(
  `  with openapi-fetch bundled: ${kb(withDependency.minified)} minified, ${kb(withDependency.gzipped)} gzip`,
);
console.log(`  this package's code alone:  ${kb(ownCode.minified)} minified, ${kb(ownCode.gzipped)} gzip`);
console.log(`  loaded only with validateResponses on: ${kb(withDependency.lazy)} gzip (the generated validators)`);
console.log(
  `  cold import of dist/index.js: best ${importCpu.toFixed(1)} ms CPU, ` +
    `median ${median(imports.map((run) => run.cpuMs)).toFixed(1)} ms CPU, ` +
    `${median(imports.map((run) => run.wallMs)).toFixed(1)} ms wall (${IMPORTS} fresh processes)`,
);
for (const [label, value, budget, show] of checks) {
  const over = value > budget;
  console.log(`  ${over ? "OVER" : "ok"}: ${label}: ${show(value)} (budget ${show(budget)})`);
  if (over) process.exitCode = 1;
}
const importVerdict = importCpu > BUDGET.importCpuMs ? "above target" : "within target";
console.log(
  `  report (not gated): cold import, best CPU time of ${IMPORTS} fresh processes: ${importCpu.toFixed(1)} ` +
    `ms, ${importVerdict} (${BUDGET.importCpuMs.toFixed(1)} ms)`,
);
