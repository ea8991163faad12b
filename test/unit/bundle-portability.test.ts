import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

// Bundles the library as scripts/build.ts does (validators as a separate file), in memory.
async function bundle(format: "esm" | "cjs"): Promise<string> {
  const validatorsAsSibling: Plugin = {
    name: "validators-as-sibling",
    setup(builder) {
      builder.onResolve({ filter: /generated\/response-validators\.js$/ }, () => ({
        path: "./response-validators.js",
        external: true,
      }));
    },
  };
  const result = await build({
    entryPoints: [`${ROOT}src/index.ts`],
    bundle: true,
    write: false,
    format,
    platform: "node",
    target: "node20",
    external: ["openapi-fetch"],
    plugins: [validatorsAsSibling],
    logLevel: "silent",
    ...(format === "cjs" ? { define: { "import.meta.url": "__filename" } } : {}),
  });
  return result.outputFiles[0]?.text ?? "";
}

describe("what bundlers see in the library's code", () => {
  it(
    "the ESM build names no __filename (webpack folds `typeof __filename` and an ESM bundle then " + "throws)",
    async () => {
      const code = await bundle("esm");
      expect(code).toContain("import.meta.url");
      expect(code).not.toMatch(/\b__filename\b/);
    },
  );

  it(
    "the validators import asks webpack for no separate chunk (a webworker bundle would need " + "output.publicPath)",
    async () => {
      for (const format of ["esm", "cjs"] as const) {
        const code = await bundle(format);
        expect(code, format).toMatch(/\/\* webpackMode: "eager" \*\/\s*"\.\/response-validators\.js"/);
      }
    },
  );
});
