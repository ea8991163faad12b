/**
 * Benchmark: sessions.get (the default node:http transport, every default on, OpenTelemetry absent),
 * the same with the OpenTelemetry API present but no SDK, on global fetch, bare openapi-fetch, raw fetch,
 * the official @hyperbrowser/sdk, and two limit references (a minimal node:http keep-alive client, undici's
 * Pool.request), against one local keep-alive server in its own process; then an HTTPS variant (local TLS
 * server, the test certificate). Each client runs in a fresh process per round; rounds rotate the order.
 * Ratios are taken within each round (same machine state) and their median is reported. Then, for the single
 * request path: the first call of a fresh process split into what it loads (scripts/bench/first-call.mjs), the
 * CPU cost of each stage in µs per call (scripts/bench/stages.ts) and of each optional feature
 * (scripts/bench-overhead.ts). The whole output is printed and written to docs/benchmarks.md.
 *
 * Usage: npm run bench   (BENCH_ROUNDS, BENCH_TOTAL, BENCH_CLIENTS to change it; takes several minutes)
 */
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT } from "./lib/paths.js";

const SDK = "@hyperbrowser/sdk";
const OURS = "sessions.get";
const LIMIT = "node:http (minimal)";
const OTEL = "sessions.get (OTel API, no SDK)";
const HTTP_CLIENTS = [
  OURS,
  OTEL,
  "sessions.get (global fetch)",
  "openapi-fetch",
  "fetch",
  LIMIT,
  "undici Pool.request",
  SDK,
];
const HTTPS_CLIENTS = [OURS, LIMIT, "undici Pool.request", SDK];
// BENCH_CLIENTS=a,b picks a subset (the SDK and the node:http limit are always kept: they are the references).
const pick = (clients: string[]) =>
  process.env["BENCH_CLIENTS"]
    ? clients.filter(
        (client) => client === SDK || client === LIMIT || process.env["BENCH_CLIENTS"]?.split(",").includes(client),
      )
    : clients;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 5);
const SEQUENTIAL = 2_000;
const TOTAL = Number(process.env["BENCH_TOTAL"] ?? 20_000);
const IN_FLIGHT = 64;
const RUNNER = fileURLToPath(new URL("./bench/client-runner.mjs", import.meta.url));
const SERVER = fileURLToPath(new URL("./bench/server.mjs", import.meta.url));
const FIRST_CALL = fileURLToPath(new URL("./bench/first-call.mjs", import.meta.url));
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
    const child = spawn(
      process.execPath,
      [RUNNER, client, serverUrl, String(SEQUENTIAL), String(TOTAL), String(IN_FLIGHT)],
      {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT },
      },
    );
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
async function runScenario(
  name: string,
  clients: string[],
  tls: boolean,
): Promise<{ rounds: Map<string, Run>[]; bodyBytes: string }> {
  const server = await startServer(tls);
  const rounds: Map<string, Run>[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const results = new Map<string, Run>();
      for (const client of clients.map((_, index) => clients[(index + round) % clients.length] as string)) {
        const run = await runOnce(client, server.url);
        if (!run.sameBody || !run.notFoundRejects)
          throw new Error(
            `correctness gate failed for ${client}: sameBody=${run.sameBody} notFoundRejects=${run.notFoundRejects}`,
          );
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
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const valuesOf = (rounds: Map<string, Run>[], client: string, metric: Metric) =>
  rounds.map((round) => round.get(client)?.[metric] as number);
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
      return (
        `${median(values).toFixed(digits)} ` +
        `(${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})${ratio}`
      );
    }),
  ]);
  // Fraction of the node:http limit: throughput (higher is better) and CPU per call (its inverse).
  rows.push([
    "fraction of the node:http limit (throughput)",
    ...clients.map((client) =>
      client === LIMIT ? "1.00" : ratioOf(rounds, client, LIMIT, "throughputPerSec").toFixed(2),
    ),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** Runs a child to its end and hands back its stdout; a non-zero exit is an error naming the child. */
function output(label: string, command: string[], cwd = ROOT): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, { cwd, stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.once("exit", (code) =>
      code === 0 ? resolve(text.trim()) : reject(new Error(`${label} exited with ${code}`)),
    );
  });
}

/** The first call of a fresh process, whole and split into what it loads, median over rounds (ms). */
async function firstCallParts(): Promise<string> {
  const server = await startServer(false);
  const samples: Record<string, number[]> = { whole: [], fetchClassesMs: [], validatorsMs: [], firstCallMs: [] };
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const whole = JSON.parse(await output("first-call", [FIRST_CALL, server.url, "whole"])) as {
        firstCallMs: number;
      };
      samples["whole"]?.push(whole.firstCallMs);
      const parts = JSON.parse(await output("first-call", [FIRST_CALL, server.url, "parts"])) as Record<string, number>;
      for (const key of ["fetchClassesMs", "validatorsMs", "firstCallMs"]) samples[key]?.push(parts[key] as number);
    }
  } finally {
    server.stop();
  }
  const show = (key: string) => {
    const values = samples[key] as number[];
    return `${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
  };
  return [
    `First sessions.get of a fresh process, split (${ROUNDS} rounds, scripts/bench/first-call.mjs), median (min–max)`,
    `  whole first call                                          ${show("whole")}`,
    `  Node's fetch classes loaded by the first new Headers()    ${show("fetchClassesMs")}`,
    `  generated response validators (validateResponses "warn")  ${show("validatorsMs")}`,
    `  the first call once both are loaded                       ${show("firstCallMs")}`,
    "  (openapi-fetch makes a Headers on every call, so the fetch classes load on the first call of the single path.)",
  ].join("\n");
}

const http = await runScenario("http", pick(HTTP_CLIENTS), false);
const https = await runScenario("https", pick(HTTPS_CLIENTS), true);
process.stderr.write("first call: split into what it loads…\n");
const firstCall = await firstCallParts();
// Finer than whole-process figures: in-process CPU costs of each stage of the path, then of each feature.
process.stderr.write("stages: in-process cost of each stage…\n");
const stages = await output("bench/stages", ["--import", "./scripts/register-ts-node.mjs", "scripts/bench/stages.ts"]);
process.stderr.write("overhead: in-process feature costs…\n");
const overhead = await output("bench-overhead", [
  "--import",
  "./scripts/register-ts-node.mjs",
  "scripts/bench-overhead.ts",
]);

// The single request path's targets: ratios to the SDK, medians of the per-round ratios.
const targets: [string, Metric, (value: number) => boolean, string][] = [
  ["throughput at 64 in flight", "throughputPerSec", (value) => value >= 1.15, "≥ 1.15"],
  ["client CPU per call under load", "cpuUsPerCall", (value) => value <= 0.85, "≤ 0.85"],
  ["sequential p50", "p50Us", (value) => value <= 1, "≤ 1.00"],
  ["first call in a fresh process", "firstCallMs", (value) => value <= 2, "≤ 2.00"],
  ["peak RSS", "peakRssMb", (value) => value <= 1.15, "≤ 1.15"],
];
const otelCost = pick(HTTP_CLIENTS).includes(OTEL)
  ? median(
      http.rounds.map(
        (round) => (round.get(OTEL)?.cpuUsPerCall ?? Number.NaN) - (round.get(OURS)?.cpuUsPerCall ?? Number.NaN),
      ),
    )
  : undefined;
// The page names the command with every setting that changed the run, so its figures can be reproduced.
const SETTINGS = ["BENCH_ROUNDS", "BENCH_TOTAL", "BENCH_CLIENTS", "BENCH_STAGES_ROUNDS", "BENCH_OVERHEAD_ROUNDS"];
const command = [
  ...SETTINGS.filter((name) => process.env[name]).map((name) => `${name}=${process.env[name]}`),
  "npm run bench",
].join(" ");

const report = [
  `Benchmark: ${ROUNDS} rounds, each client in a fresh process; ${SEQUENTIAL} sequential calls, ${TOTAL} calls ` +
    `at ${IN_FLIGHT} in flight; body ${http.bodyBytes} bytes`,
  `Machine: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}; server in its own process on ` +
    `127.0.0.1, keep-alive`,
  "Cells: median (min–max) ×ratio to @hyperbrowser/sdk (median of the per-round ratios; >1 better for " +
    "throughput, <1 better otherwise)",
  "",
  "HTTP",
  "",
  table(http.rounds, pick(HTTP_CLIENTS), HTTP_METRICS),
  "",
  "HTTPS (local TLS server, test certificate)",
  "",
  table(https.rounds, pick(HTTPS_CLIENTS), HTTPS_METRICS),
  "",
  "Targets: sessions.get against @hyperbrowser/sdk, HTTP (median of the per-round ratios)",
  "",
  ...targets.map(([label, metric, met, goal]) => {
    const value = ratioOf(http.rounds, OURS, SDK, metric);
    return `- ${met(value) ? "met" : "unmet"}: ${label}: ×${value.toFixed(2)} (target ${goal})`;
  }),
  ...(otelCost === undefined
    ? []
    : [
        `- OpenTelemetry API installed, no SDK registered: ${otelCost >= 0 ? "+" : ""}${otelCost.toFixed(1)} µs ` +
          `CPU per call under load (median of per-round differences, whole processes)`,
      ]),
  "",
  firstCall,
  "",
  stages,
  "",
  overhead,
].join("\n");
console.log(`\n${report}`);

// docs/benchmarks.md is this output and nothing else, so every figure in it comes from the command it names.
const page = [
  "# Benchmarks",
  "",
  `Generated by \`${command}\` (scripts/bench.ts); do not edit by hand: run the command again.`,
  "",
  "```",
  report,
  "```",
  "",
].join("\n");
await mkdir(join(ROOT, "docs"), { recursive: true });
await writeFile(join(ROOT, "docs/benchmarks.md"), page);
console.log("\nbench: docs/benchmarks.md written");
