/**
 * `prepublishOnly`: refuses `npm publish` when the registry npm would publish to is the public one
 * (or none is configured, which means the public one). npm picks `@scope:registry` first for a scoped
 * package, then `registry`; this asks npm for both as a lifecycle script can see them: `.npmrc` files,
 * and `--registry` (npm passes it on as npm_config_registry). npm does not pass a scope registry given
 * on the command line or in the environment to lifecycle scripts; `npm run release` checks the registry
 * it publishes to itself.
 */
import { execFileSync } from "node:child_process";
import { publicRegistryProblem, refusalMessage } from "./lib/release/registry-guard.js";

const name = process.env["npm_package_name"] ?? "";
const scope = name.startsWith("@") ? name.split("/")[0] : undefined;
const npm = process.env["npm_execpath"];
const configGet = (key: string): string | undefined => {
  const [file, args] = npm ? [process.execPath, [npm, "config", "get", key]] : ["npm", ["config", "get", key]];
  const value = execFileSync(file, args, { encoding: "utf8" }).trim();
  return value === "" || value === "undefined" || value === "null" ? undefined : value;
};

const registry =
  (scope ? configGet(`${scope}:registry`) : undefined) ?? process.env["npm_config_registry"] ?? configGet("registry");
const problem = publicRegistryProblem(registry, name);
if (problem) {
  console.error(refusalMessage(problem, name));
  process.exit(1);
}
console.log(`guard-publish: publishing ${name} to ${registry}`);
