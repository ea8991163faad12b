#!/usr/bin/env node
// The `hyperbrowser-session` binary: see ./help.ts.
import { fileURLToPath } from "node:url";
import { runCli } from "./run.js";

// A reader that stops early (`| head`) closes the pipe: not an error of this command.
for (const stream of [process.stdout, process.stderr]) stream.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? undefined : Promise.reject(error)));

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  // dist/cli.js in the package, src/cli/main.ts in the repository: openapi.json is at the root of both.
  specPath: fileURLToPath(new URL(import.meta.url.includes("/dist/") ? "../openapi.json" : "../../openapi.json", import.meta.url)),
});
