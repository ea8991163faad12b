// Runs a service-worker bundle in edge-runtime (the Vercel Edge runtime's VM) and asks it to run the checks.
// argv: <edge-runtime module path> <bundle> <mock server URL>
import { readFile } from "node:fs/promises";

const [edgeRuntimePath, bundle, baseUrl] = process.argv.slice(2);
const { EdgeRuntime, runServer } = await import(edgeRuntimePath);
const runtime = new EdgeRuntime({ initialCode: await readFile(bundle, "utf8") });
const server = await runServer({ runtime, host: "127.0.0.1", port: 0 });
try {
  const response = await fetch(`${server.url}?base=${encodeURIComponent(baseUrl)}`);
  console.log(JSON.stringify(await response.json()));
} finally {
  await server.close();
}
