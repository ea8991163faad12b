// Lets `node --import ./scripts/register-ts-node.mjs scripts/x.ts` run TypeScript scripts in this ESM package
// through ts-node, without the `--loader` deprecation warning Node 20 prints.
import { register } from "node:module";
import { pathToFileURL } from "node:url";

register("ts-node/esm", pathToFileURL("./"));
