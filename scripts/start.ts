/**
 * The main job: looks up a session through the CLI (`hyperbrowser-session get`) and prints it.
 * Without HYPERBROWSER_BASE_URL it uses the embedded Prism mock of openapi.json (`--mock`).
 * Usage: npm start [-- <session-id>]
 */
import { runCli } from "../src/cli/run.js";
import { SPEC_PATH } from "./lib/paths.js";

const sessionId = process.argv[2] ?? "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const args = ["get", sessionId, ...(process.env["HYPERBROWSER_BASE_URL"] ? [] : ["--mock"])];
console.log(`hyperbrowser-session ${args.join(" ")}\n`);
process.exitCode = await runCli(args, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  specPath: SPEC_PATH,
});
