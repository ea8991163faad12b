import { readFileSync } from "node:fs";
import type { SessionDetail } from "../../src/types.js";

// The session body the benchmarks answer with, ~1.2 KB: scripts/bench/session.json, which the benchmark
// server (plain JS, scripts/bench/server.mjs) sends too.
export const BENCH_SESSION = JSON.parse(
  readFileSync(new URL("./session.json", import.meta.url), "utf8"),
) as SessionDetail & { id: string };
