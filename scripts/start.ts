/**
 * The main job: looks up a session through the CLI (`hyperbrowser-session get`) and prints it.
 * Without HYPERBROWSER_BASE_URL it uses the embedded Prism mock of openapi.json (`--mock`).
 * Usage: npm start [-- <session-id>]
 */
import { runCli } from "../src/cli/run.js";
import { DEFAULT_SAMPLE_ID } from "../src/cli/sample-sessions.js";
import { SPEC_PATH } from "./lib/paths.js";

const sessionId = process.argv[2] ?? DEFAULT_SAMPLE_ID;
const args = ["get", sessionId, ...(process.env["HYPERBROWSER_BASE_URL"] ? [] : ["--mock"])];
console.log(`hyperbrowser-session ${args.join(" ")}\n`);
// A reader that stops early (`npm start | head`) closes the pipe: not an error of this command.
for (const stream of [process.stdout, process.stderr]) stream.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? undefined : Promise.reject(error)));
process.exitCode = await runCli(args, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  specPath: SPEC_PATH,
});
