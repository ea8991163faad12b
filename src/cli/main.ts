#!/usr/bin/env node
// The `hyperbrowser-session` binary: see ./help.ts.
import { runCli } from "./run.js";

// A reader that stops early (`| head`) closes the pipe: not an error of this command.
// Any other stream error is thrown from the listener: uncaught, it ends the process as before.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
