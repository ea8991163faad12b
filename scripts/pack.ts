/**
 * `npm run pack:tarball [-- <directory>]`: writes the publishable tarball (manifest without scripts) into the
 * directory (default: the working directory) and prints its path. Builds nothing; run `npm run build` first.
 */
import { resolve } from "node:path";
import { packTarball } from "./lib/pack-tarball.js";
import { ROOT } from "./lib/paths.js";

console.log(await packTarball(ROOT, resolve(process.argv[2] ?? ".")));
