/**
 * Builds dist/: one bundled file per entry and format (esbuild), declarations (tsc), and the
 * response validators as their own file so only clients that validate load them.
 *   dist/index.js, dist/index.cjs            the library (openapi-fetch stays a dependency)
 *   dist/response-validators.{js,cjs}        generated/response-validators.ts, loaded on first use
 *   dist/testing.{js,cjs}                    the testing kit (`…/testing`), importing the main entry by name
 *   dist/testing-msw.{js,cjs}                its msw handlers (`…/testing/msw`); msw stays external
 *   dist/cli.js                              the hyperbrowser-session binary
 *   dist/types/esm/**.d.ts, dist/types/cjs/**.d.cts
 */
import { execFileSync } from "node:child_process";
import { chmod, copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { build, type BuildOptions, type Plugin } from "esbuild";
import { ROOT } from "./lib/paths.js";

const dist = join(ROOT, "dist");
const VALIDATORS_IMPORT = /generated\/response-validators\.js$/;

/** Keeps the validators out of the bundle: the import points at their own file beside it. */
const validatorsAsSibling = (extension: string): Plugin => ({
  name: "validators-as-sibling",
  setup(builder) {
    builder.onResolve({ filter: VALIDATORS_IMPORT }, () => ({
      path: `./response-validators.${extension}`,
      external: true,
    }));
  },
});

const { name: packageName } = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { name: string };

/**
 * The testing kit imports the client from the public entry (`../index.js`); in the bundle that import
 * becomes the package's own name, so a test's client and the error classes it checks against are the
 * same objects as the service's, not a second copy.
 */
const mainEntryByName: Plugin = {
  name: "main-entry-by-name",
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) =>
      args.importer.includes("/src/testing/") ? { path: packageName, external: true } : undefined,
    );
    builder.onResolve({ filter: /^\.\/mock-upstream\.js$/ }, (args) =>
      args.importer.endsWith("/src/testing/msw.ts") ? { path: `${packageName}/testing`, external: true } : undefined,
    );
  },
};

const common: BuildOptions = {
  bundle: true,
  platform: "node",
  target: "node20",
  external: ["openapi-fetch", "msw"],
  logLevel: "warning",
  legalComments: "none",
};
// The CommonJS files have no import.meta; src/telemetry/load-otel-api.ts only needs this file's location.
const commonJs: BuildOptions = { define: { "import.meta.url": "__filename" } };

await rm(dist, { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: [join(ROOT, "src/index.ts")],
    format: "esm",
    outfile: join(dist, "index.js"),
    plugins: [validatorsAsSibling("js")],
  }),
  build({
    ...common,
    ...commonJs,
    entryPoints: [join(ROOT, "src/index.ts")],
    format: "cjs",
    outfile: join(dist, "index.cjs"),
    plugins: [validatorsAsSibling("cjs")],
  }),
  build({
    ...common,
    entryPoints: [join(ROOT, "generated/response-validators.ts")],
    format: "esm",
    outfile: join(dist, "response-validators.js"),
  }),
  build({
    ...common,
    ...commonJs,
    entryPoints: [join(ROOT, "generated/response-validators.ts")],
    format: "cjs",
    outfile: join(dist, "response-validators.cjs"),
  }),
  build({
    ...common,
    entryPoints: [join(ROOT, "src/cli/main.ts")],
    format: "esm",
    outfile: join(dist, "cli.js"),
    plugins: [validatorsAsSibling("js")],
  }),
  ...(["esm", "cjs"] as const).flatMap((format) => {
    const extension = format === "esm" ? "js" : "cjs";
    return [
      build({
        ...common,
        ...(format === "cjs" ? commonJs : {}),
        entryPoints: [join(ROOT, "src/testing/index.ts")],
        format,
        outfile: join(dist, `testing.${extension}`),
        plugins: [mainEntryByName, validatorsAsSibling(extension)],
      }),
      build({
        ...common,
        ...(format === "cjs" ? commonJs : {}),
        entryPoints: [join(ROOT, "src/testing/msw.ts")],
        format,
        outfile: join(dist, `testing-msw.${extension}`),
        plugins: [mainEntryByName],
      }),
    ];
  }),
]);
await chmod(join(dist, "cli.js"), 0o755);

execFileSync(
  process.execPath,
  [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")],
  { stdio: "inherit" },
);
// tsc does not copy hand-written .d.ts files.
await copyFile(join(ROOT, "generated/schema.d.ts"), join(dist, "types/esm/generated/schema.d.ts"));

// CommonJS declarations: the same files as .d.cts, with relative imports pointing at .cjs, so that
// TypeScript resolving `require` sees CommonJS types (what attw checks).
const esmTypes = join(dist, "types/esm");
for (const file of await listFiles(esmTypes)) {
  const target = join(dist, "types/cjs", relative(esmTypes, file)).replace(/\.d\.ts$/, ".d.cts");
  const text = (await readFile(file, "utf8")).replace(/(from\s+["']\.{1,2}\/[^"']+)\.js(["'])/g, "$1.cjs$2");
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
}
console.log(
  "build: wrote dist/ (index, testing, testing-msw as .js and .cjs, response-validators.{js,cjs}, cli.js, types/)",
);

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? listFiles(join(directory, entry.name)) : Promise.resolve([join(directory, entry.name)]),
    ),
  );
  return nested.flat();
}
