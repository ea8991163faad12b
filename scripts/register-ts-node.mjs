// Lets `node --import ./scripts/register-ts-node.mjs scripts/x.ts` run TypeScript scripts in this ESM package
// through ts-node, in transpile-only mode (`npm run typecheck` does the type checking).
// - Node with `module.registerHooks` (22.15+, 23.5+; Node 26 deprecates `module.register`, DEP0205): ts-node's
//   compiler behind synchronous hooks that map `./x.js` imports to `./x.ts`.
// - Node 20: ts-node's ESM loader through `module.register`, which prints no `--loader` warning there.
import { readFileSync } from "node:fs";
import module, { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

if (typeof module.registerHooks === "function") {
  const { create } = createRequire(import.meta.url)("ts-node");
  const service = create({ transpileOnly: true, compilerOptions: { module: "ESNext", moduleResolution: "Bundler" } });
  module.registerHooks({
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        if (error?.code !== "ERR_MODULE_NOT_FOUND" || !/^\.{1,2}\//.test(specifier) || !specifier.endsWith(".js"))
          throw error;
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
    },
    load(url, context, nextLoad) {
      if (!url.startsWith("file:") || !url.endsWith(".ts")) return nextLoad(url, context);
      const path = fileURLToPath(url);
      return { format: "module", source: service.compile(readFileSync(path, "utf8"), path), shortCircuit: true };
    },
  });
} else {
  module.register("ts-node/esm", pathToFileURL("./"));
}
