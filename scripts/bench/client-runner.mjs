// One benchmark run of one client in a fresh process (plain JS: a TypeScript loader would distort the
// cold-import figure). Usage: node client-runner.mjs <client> <serverUrl> <sequential> <total> <inFlight>
// Prints one JSON line; never calls process.exit, so the parent can time the natural exit.
import * as http from "node:http";
import * as https from "node:https";
import { performance } from "node:perf_hooks";

const [clientName, serverUrl, sequentialArg, totalArg, inFlightArg] = process.argv.slice(2);
const SEQUENTIAL = Number(sequentialArg);
const TOTAL = Number(totalArg);
const IN_FLIGHT = Number(inFlightArg);
const ID = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const KEY = "bench-key";

async function load(name) {
  switch (name) {
    case "sessions.get": {
      // Every default on, but OpenTelemetry absent (this repository has @opentelemetry/api installed).
      const { createHyperbrowserClient } = await import("../../dist/index.js");
      const client = createHyperbrowserClient({ apiKey: KEY, baseUrl: serverUrl, telemetry: false });
      return (id) => client.sessions.get(id);
    }
    case "sessions.get (OTel API, no SDK)": {
      const { createHyperbrowserClient } = await import("../../dist/index.js");
      const client = createHyperbrowserClient({ apiKey: KEY, baseUrl: serverUrl });
      return (id) => client.sessions.get(id);
    }
    case "node:http (minimal)": {
      // The limit reference: a keep-alive node:http client that buffers the body and parses it, nothing more.
      const { hostname, port, protocol } = new URL(serverUrl);
      const module = protocol === "https:" ? https : http;
      const agent = new module.Agent({ keepAlive: true });
      return (id) =>
        new Promise((resolve, reject) => {
          const request = module.request(
            { hostname, port, path: `/api/session/${encodeURIComponent(id)}`, agent, headers: { "x-api-key": KEY } },
            (response) => {
              const chunks = [];
              response.on("data", (chunk) => chunks.push(chunk));
              response.on("end", () => {
                const data = JSON.parse(Buffer.concat(chunks).toString());
                if (response.statusCode !== 200)
                  reject(Object.assign(new Error(`status ${response.statusCode}`), { status: response.statusCode }));
                else resolve(data);
              });
              response.on("error", reject);
            },
          );
          request.on("error", reject);
          request.end();
        });
    }
    case "undici Pool.request": {
      const { Pool } = await import("undici");
      const pool = new Pool(serverUrl);
      return async (id) => {
        const { statusCode, body } = await pool.request({
          path: `/api/session/${encodeURIComponent(id)}`,
          method: "GET",
          headers: { "x-api-key": KEY },
        });
        const data = await body.json();
        if (statusCode !== 200) throw Object.assign(new Error(`status ${statusCode}`), { status: statusCode });
        return data;
      };
    }
    case "sessions.get (global fetch)": {
      const { createHyperbrowserClient } = await import("../../dist/index.js");
      const client = createHyperbrowserClient({ apiKey: KEY, baseUrl: serverUrl, fetch: globalThis.fetch });
      return (id) => client.sessions.get(id);
    }
    case "openapi-fetch": {
      const { default: createClient } = await import("openapi-fetch");
      const client = createClient({ baseUrl: serverUrl, headers: { "x-api-key": KEY } });
      return async (id) => {
        const { data, error, response } = await client.GET("/api/session/{id}", { params: { path: { id } } });
        if (error !== undefined)
          throw Object.assign(new Error(`status ${response.status}`), { status: response.status });
        return data;
      };
    }
    case "fetch": {
      return async (id) => {
        const response = await fetch(`${serverUrl}/api/session/${encodeURIComponent(id)}`, {
          headers: { "x-api-key": KEY },
        });
        const data = await response.json();
        if (!response.ok) throw Object.assign(new Error(`status ${response.status}`), { status: response.status });
        return data;
      };
    }
    case "@hyperbrowser/sdk": {
      const { Hyperbrowser } = await import("@hyperbrowser/sdk");
      const client = new Hyperbrowser({ apiKey: KEY, baseUrl: serverUrl });
      return (id) => client.sessions.get(id);
    }
    default:
      throw new Error(`unknown client ${name}`);
  }
}

const importStarted = performance.now();
const get = await load(clientName);
const importMs = performance.now() - importStarted;

// Correctness gate: the same parsed body as the server sent, and an error for 404. The reference body
// is read with node:http, not fetch, so that Node's fetch is not loaded before the client's first call.
const expected = await new Promise((resolve, reject) =>
  (serverUrl.startsWith("https:") ? https : http)
    .get(`${serverUrl}/api/session/${ID}`, { agent: false }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve(JSON.parse(text)));
    })
    .on("error", reject),
);
const firstStarted = performance.now();
const first = await get(ID);
const firstCallMs = performance.now() - firstStarted;
const sameBody = JSON.stringify(first) === JSON.stringify(expected);
const notFoundRejects = await get("missing").then(
  () => false,
  (error) => [error.status, error.statusCode].includes(404) || /404|not found/i.test(String(error.message)),
);

if (!sameBody || !notFoundRejects) {
  console.log(JSON.stringify({ client: clientName, sameBody, notFoundRejects }));
} else {
  await measure();
}

async function measure() {
  // Steady state: every client gets the same 1,000 warm-up calls (JIT tiers) before anything is timed.
  for (let index = 0; index < 1_000; index += 1) await get(ID);
  const latenciesUs = [];
  for (let index = 0; index < SEQUENTIAL; index += 1) {
    const started = performance.now();
    await get(ID);
    latenciesUs.push((performance.now() - started) * 1000);
  }
  latenciesUs.sort((a, b) => a - b);
  const percentile = (p) => latenciesUs[Math.min(latenciesUs.length - 1, Math.floor((p / 100) * latenciesUs.length))];

  let issued = 0;
  const cpuBefore = process.cpuUsage();
  const throughputStarted = performance.now();
  async function worker() {
    while (issued < TOTAL) {
      issued += 1;
      await get(ID);
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const throughputMs = performance.now() - throughputStarted;
  const cpu = process.cpuUsage(cpuBefore);

  console.log(
    JSON.stringify({
      client: clientName,
      sameBody,
      notFoundRejects,
      importMs,
      firstCallMs,
      p50Us: percentile(50),
      p99Us: percentile(99),
      throughputPerSec: (TOTAL / throughputMs) * 1000,
      cpuUsPerCall: (cpu.user + cpu.system) / TOTAL,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      lastCallAt: performance.timeOrigin + performance.now(),
    }),
  );
}
