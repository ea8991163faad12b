#!/usr/bin/env node
// The `hyperbrowser-session` binary: see ./help.ts.
import { runCli } from "./run.js";

// A reader that stops early (`| head`) closes the pipe: not an error of this command.
for (const stream of [process.stdout, process.stderr]) stream.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? undefined : Promise.reject(error)));

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
