// Where a fresh process's first sessions.get goes (plain JS, like client-runner.mjs, so no TypeScript loader
// is timed). Usage: node first-call.mjs <serverUrl> <whole|parts>
//   whole: import, create the client, time the first call.
//   parts: the same, but first time what the first call loads on its own: Node's fetch classes (the first
//          `new Headers()`, which openapi-fetch makes on every call) and the generated response validators;
//          then time the first call without them.
// Prints one JSON line.
import { performance } from "node:perf_hooks";

const [serverUrl, mode] = process.argv.slice(2);
const ID = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const { createHyperbrowserClient } = await import("../../dist/index.js");
const client = createHyperbrowserClient({ apiKey: "bench-key", baseUrl: serverUrl, telemetry: false });
const result = {};
if (mode === "parts") {
  let started = performance.now();
  new Headers();
  result.fetchClassesMs = performance.now() - started;
  started = performance.now();
  await import("../../dist/response-validators.js");
  result.validatorsMs = performance.now() - started;
}
const started = performance.now();
await client.sessions.get(ID);
result.firstCallMs = performance.now() - started;
await client.close();
console.log(JSON.stringify(result));
