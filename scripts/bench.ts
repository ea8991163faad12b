/**
 * Benchmark: sessions.get (default node:http transport), sessions.get on global fetch, bare openapi-fetch,
 * raw fetch and the official @hyperbrowser/sdk against one local keep-alive server in its own process.
 * Each client runs in a fresh process per round; rounds rotate the order. Prints median (min–max) per
 * metric and the ratio to the SDK. Usage: npm run bench  (BENCH_ROUNDS, BENCH_TOTAL, BENCH_CLIENTS to change it)
 */
import { spawn } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";

const ALL_CLIENTS = ["sessions.get", "sessions.get (global fetch)", "openapi-fetch", "fetch", "@hyperbrowser/sdk"];
// BENCH_CLIENTS=a,b picks a subset (the SDK is always kept: it is the reference).
const CLIENTS = process.env["BENCH_CLIENTS"]
  ? ALL_CLIENTS.filter((client) => client === "@hyperbrowser/sdk" || process.env["BENCH_CLIENTS"]?.split(",").includes(client))
  : ALL_CLIENTS;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 5);
const SEQUENTIAL = 2_000;
const TOTAL = Number(process.env["BENCH_TOTAL"] ?? 20_000);
const IN_FLIGHT = 64;
const RUNNER = fileURLToPath(new URL("./bench/client-runner.mjs", import.meta.url));
const SERVER = fileURLToPath(new URL("./bench/server.mjs", import.meta.url));

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

const server = spawn(process.execPath, [SERVER], { stdio: ["ignore", "pipe", "inherit"] });
const [serverUrl, bodyBytes] = await new Promise<string[]>((resolve, reject) => {
  server.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim().split(" ")));
  server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});

function runOnce(client: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER, client, serverUrl as string, String(SEQUENTIAL), String(TOTAL), String(IN_FLIGHT)], {
      stdio: ["ignore", "pipe", "inherit"],
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

const runs = new Map<string, Run[]>(CLIENTS.map((client) => [client, []]));
try {
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = CLIENTS.map((_, index) => CLIENTS[(index + round) % CLIENTS.length] as string);
    for (const client of order) {
      const run = await runOnce(client);
      if (!run.sameBody || !run.notFoundRejects) {
        throw new Error(`correctness gate failed for ${client}: sameBody=${run.sameBody} notFoundRejects=${run.notFoundRejects}`);
      }
      runs.get(client)?.push(run);
    }
    process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
  }
} finally {
  server.kill();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const METRICS: [keyof Run, string, number, boolean][] = [
  ["p50Us", "sequential p50 (µs)", 0, false],
  ["p99Us", "sequential p99 (µs)", 0, false],
  ["throughputPerSec", `throughput, ${IN_FLIGHT} in flight (req/s)`, 0, true],
  ["cpuUsPerCall", "client CPU per call (µs)", 1, false],
  ["peakRssMb", "peak RSS (MB)", 1, false],
  ["importMs", "cold import (ms)", 1, false],
  ["firstCallMs", "first call, cold (ms)", 1, false],
  ["exitMs", "exit after last call (ms)", 0, false],
];
const sdk = runs.get("@hyperbrowser/sdk") ?? [];
console.log(`\nBenchmark: ${ROUNDS} rounds, each client in a fresh process; ${SEQUENTIAL} sequential calls, ${TOTAL} calls at ${IN_FLIGHT} in flight; body ${bodyBytes} bytes`);
console.log(`Machine: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}; server in its own process on 127.0.0.1, keep-alive`);
console.log("Cells: median (min–max) ×ratio to @hyperbrowser/sdk (>1 better for throughput, <1 better otherwise)\n");
const header = ["metric", ...CLIENTS];
const rows = METRICS.map(([key, label, digits]) => {
  const sdkMedian = median(sdk.map((run) => run[key] as number));
  return [
    label,
    ...CLIENTS.map((client) => {
      const values = (runs.get(client) ?? []).map((run) => run[key] as number);
      const value = median(values);
      const ratio = sdkMedian > 0 ? ` ×${(value / sdkMedian).toFixed(2)}` : "";
      return `${value.toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})${client === "@hyperbrowser/sdk" ? "" : ratio}`;
    }),
  ];
});
const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? "").length)));
const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
console.log(line(header));
console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));
