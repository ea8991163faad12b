/**
 * Benchmark: sessions.get (the default node:http transport, every default on, OpenTelemetry absent),
 * the same with the OpenTelemetry API present but no SDK, on global fetch, bare openapi-fetch, raw fetch,
 * the official @hyperbrowser/sdk, and two limit references (a minimal node:http keep-alive client, undici's
 * Pool.request), against one local keep-alive server in its own process; then an HTTPS variant (local TLS
 * server, the test certificate). Each client runs in a fresh process per round; rounds rotate the order.
 * Ratios are taken within each round (same machine state) and their median is reported.
 *
 * Usage: npm run bench [-- --update-readme]   (BENCH_ROUNDS, BENCH_TOTAL, BENCH_CLIENTS to change it)
 *   --update-readme  writes the tables into README.md between the bench markers
 */
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT } from "./lib/paths.js";

const SDK = "@hyperbrowser/sdk";
const OURS = "sessions.get";
const LIMIT = "node:http (minimal)";
const OTEL = "sessions.get (OTel API, no SDK)";
const HTTP_CLIENTS = [OURS, OTEL, "sessions.get (global fetch)", "openapi-fetch", "fetch", LIMIT, "undici Pool.request", SDK];
const HTTPS_CLIENTS = [OURS, LIMIT, "undici Pool.request", SDK];
// BENCH_CLIENTS=a,b picks a subset (the SDK and the node:http limit are always kept: they are the references).
const pick = (clients: string[]) =>
  process.env["BENCH_CLIENTS"] ? clients.filter((client) => client === SDK || client === LIMIT || process.env["BENCH_CLIENTS"]?.split(",").includes(client)) : clients;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 5);
const SEQUENTIAL = 2_000;
const TOTAL = Number(process.env["BENCH_TOTAL"] ?? 20_000);
const IN_FLIGHT = 64;
const RUNNER = fileURLToPath(new URL("./bench/client-runner.mjs", import.meta.url));
const SERVER = fileURLToPath(new URL("./bench/server.mjs", import.meta.url));
const CERT = join(ROOT, "test/fixtures/tls/localhost-cert.pem");

interface Run {
  client: string;
  sameBody: boolean;
  notFoundRejects: boolean;
  importMs: number;
  firstCallMs: number;
  p50Us: number;
  p99Us: number;
  throughputPerSec: number;
  cpuUsPerCall: number;
  peakRssMb: number;
  exitMs: number;
}
type Metric = Exclude<keyof Run, "client" | "sameBody" | "notFoundRejects">;

async function startServer(tls: boolean): Promise<{ url: string; bodyBytes: string; stop: () => void }> {
  const server = spawn(process.execPath, [SERVER, ...(tls ? ["--tls"] : [])], { stdio: ["ignore", "pipe", "inherit"] });
  const [url = "", bodyBytes = ""] = await new Promise<string[]>((resolve, reject) => {
    server.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim().split(" ")));
    server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url, bodyBytes, stop: () => server.kill() };
}

function runOnce(client: string, serverUrl: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER, client, serverUrl, String(SEQUENTIAL), String(TOTAL), String(IN_FLIGHT)], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      const exitedAt = performance.timeOrigin + performance.now();
      if (code !== 0) return reject(new Error(`${client} runner exited with ${code}`));
      const result = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as Run & { lastCallAt: number };
      resolve({ ...result, exitMs: exitedAt - result.lastCallAt });
    });
  });
}

/** Every client of a scenario, one fresh process per client per round, in rotating order. */
async function runScenario(name: string, clients: string[], tls: boolean): Promise<{ rounds: Map<string, Run>[]; bodyBytes: string }> {
  const server = await startServer(tls);
  const rounds: Map<string, Run>[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const results = new Map<string, Run>();
      for (const client of clients.map((_, index) => clients[(index + round) % clients.length] as string)) {
        const run = await runOnce(client, server.url);
        if (!run.sameBody || !run.notFoundRejects) throw new Error(`correctness gate failed for ${client}: sameBody=${run.sameBody} notFoundRejects=${run.notFoundRejects}`);
        results.set(client, run);
      }
      rounds.push(results);
      process.stderr.write(`${name}: round ${round + 1}/${ROUNDS} done\n`);
    }
  } finally {
    server.stop();
  }
  return { rounds, bodyBytes: server.bodyBytes };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const valuesOf = (rounds: Map<string, Run>[], client: string, metric: Metric) => rounds.map((round) => round.get(client)?.[metric] as number);
/** The median over rounds of a ratio taken within each round. */
const ratioOf = (rounds: Map<string, Run>[], client: string, reference: string, metric: Metric) =>
  median(rounds.map((round) => (round.get(client)?.[metric] as number) / (round.get(reference)?.[metric] as number)));

const HTTP_METRICS: [Metric, string, number][] = [
  ["p50Us", "sequential p50 (µs)", 0],
  ["p99Us", "sequential p99 (µs)", 0],
  ["throughputPerSec", `throughput, ${IN_FLIGHT} in flight (req/s)`, 0],
  ["cpuUsPerCall", "client CPU per call under load (µs)", 1],
  ["peakRssMb", "peak RSS (MB)", 1],
  ["importMs", "cold import (ms)", 1],
  ["firstCallMs", "first call, cold (ms)", 1],
  ["exitMs", "exit after last call (ms)", 0],
];
const HTTPS_METRICS: [Metric, string, number][] = [
  ["firstCallMs", "first call, TLS handshake included (ms)", 1],
  ["throughputPerSec", `throughput, keep-alive, ${IN_FLIGHT} in flight (req/s)`, 0],
  ["cpuUsPerCall", "client CPU per call under load (µs)", 1],
  ["p50Us", "sequential p50 (µs)", 0],
];

function table(rounds: Map<string, Run>[], clients: string[], metrics: [Metric, string, number][]): string {
  const header = ["metric", ...clients];
  const rows = metrics.map(([metric, label, digits]) => [
    label,
    ...clients.map((client) => {
      const values = valuesOf(rounds, client, metric);
      const ratio = client === SDK ? "" : ` ×${ratioOf(rounds, client, SDK, metric).toFixed(2)}`;
      return `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})${ratio}`;
    }),
  ]);
  // Fraction of the node:http limit: throughput (higher is better) and CPU per call (its inverse).
  rows.push([
    "fraction of the node:http limit (throughput)",
    ...clients.map((client) => (client === LIMIT ? "1.00" : ratioOf(rounds, client, LIMIT, "throughputPerSec").toFixed(2))),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

const http = await runScenario("http", pick(HTTP_CLIENTS), false);
const https = await runScenario("https", pick(HTTPS_CLIENTS), true);
// The per-feature costs, in-process (scripts/bench-overhead.ts): finer than whole-process figures.
process.stderr.write("overhead: in-process feature costs…\n");
const overhead = await new Promise<string>((resolve, reject) => {
  const child = spawn(process.execPath, ["--import", "./scripts/register-ts-node.mjs", "scripts/bench-overhead.ts"], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.once("exit", (code) => (code === 0 ? resolve(text.trim()) : reject(new Error(`bench-overhead exited with ${code}`))));
});

const targets: [string, number, (value: number) => boolean, string][] = [
  ["throughput at 64 in flight vs the SDK", ratioOf(http.rounds, OURS, SDK, "throughputPerSec"), (value) => value >= 1.3, "≥ 1.30"],
  ["throughput at 64 in flight vs the minimal node:http client", ratioOf(http.rounds, OURS, LIMIT, "throughputPerSec"), (value) => value >= 0.65, "≥ 0.65"],
  ["client CPU per call under load vs the SDK", ratioOf(http.rounds, OURS, SDK, "cpuUsPerCall"), (value) => value <= 0.75, "≤ 0.75"],
  ["sequential p50 vs the SDK", ratioOf(http.rounds, OURS, SDK, "p50Us"), (value) => value <= 0.9, "≤ 0.90"],
  ["first call in a fresh process vs the SDK", ratioOf(http.rounds, OURS, SDK, "firstCallMs"), (value) => value <= 2, "≤ 2.00"],
  ["peak RSS vs the SDK", ratioOf(http.rounds, OURS, SDK, "peakRssMb"), (value) => value <= 1.1, "≤ 1.10"],
  ["cold import (ms)", median(valuesOf(http.rounds, OURS, "importMs")), (value) => value <= 20, "≤ 20"],
];
const otelCost = pick(HTTP_CLIENTS).includes(OTEL)
  ? median(http.rounds.map((round) => (round.get(OTEL)?.cpuUsPerCall ?? Number.NaN) - (round.get(OURS)?.cpuUsPerCall ?? Number.NaN)))
  : undefined;

const output = [
  `Benchmark: ${ROUNDS} rounds, each client in a fresh process; ${SEQUENTIAL} sequential calls, ${TOTAL} calls at ${IN_FLIGHT} in flight; body ${http.bodyBytes} bytes`,
  `Machine: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}; server in its own process on 127.0.0.1, keep-alive`,
  "Cells: median (min–max) ×ratio to @hyperbrowser/sdk (median of the per-round ratios; >1 better for throughput, <1 better otherwise)",
  "",
  "HTTP",
  "",
  table(http.rounds, pick(HTTP_CLIENTS), HTTP_METRICS),
  "",
  "HTTPS (local TLS server, test certificate)",
  "",
  table(https.rounds, pick(HTTPS_CLIENTS), HTTPS_METRICS),
  "",
  "Targets (sessions.get, median of the per-round ratios)",
  "",
  ...targets.map(([label, value, met, goal]) => `- ${met(value) ? "met" : "NOT met"}: ${label}: ${value.toFixed(2)} (target ${goal})`),
  ...(otelCost === undefined ? [] : [`- OpenTelemetry API installed, no SDK registered: ${otelCost >= 0 ? "+" : ""}${otelCost.toFixed(1)} µs CPU per call under load (median of per-round differences, whole processes)`]),
  "",
  overhead,
].join("\n");
console.log(`\n${output}`);

if (process.argv.includes("--update-readme")) {
  const readmePath = join(ROOT, "README.md");
  const readme = await readFile(readmePath, "utf8");
  const start = "<!-- bench:start (written by `npm run bench -- --update-readme`) -->";
  const end = "<!-- bench:end -->";
  if (!readme.includes(start) || !readme.includes(end)) throw new Error("README.md has no bench markers");
  const date = new Date().toISOString().slice(0, 10);
  const block = `${start}\nLast run: ${date}, \`npm run bench\` defaults.\n\n\`\`\`\n${output}\n\`\`\`\n${end}`;
  await writeFile(readmePath, readme.slice(0, readme.indexOf(start)) + block + readme.slice(readme.indexOf(end) + end.length));
  console.log("\nbench: README.md updated");
}
