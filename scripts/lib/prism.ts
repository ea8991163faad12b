import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { findFreePort } from "./free-port.js";
import { stopChild } from "./stop-child.js";

// PRISM_READY_TIMEOUT_MS lets a heavy test (the large fixture on a loaded machine) wait longer.
const READY_TIMEOUT_MS =
  Number(process.env["PRISM_READY_TIMEOUT_MS"]) > 0 ? Number(process.env["PRISM_READY_TIMEOUT_MS"]) : 30_000;

/** A Prism process serving a spec on 127.0.0.1. */
export interface PrismServer {
  url: string;
  /** Milliseconds from spawn to "listening". */
  startupMs: number;
  /** Stops Prism and waits for it to exit; safe to call twice. */
  close(): Promise<void>;
}

/** Mock mode answers from the spec; proxy mode forwards to `upstream` and checks what it answers. */
export type PrismMode = { mode: "mock" } | { mode: "proxy"; upstream: string };

/**
 * Finds Prism's entry script in `@stoplight/prism-cli`, installed beside this package (it is a
 * devDependency: never a global install). Undefined when it is not installed.
 */
export function findPrism(from: string = import.meta.url): string | undefined {
  try {
    const require = createRequire(from);
    const manifestPath = require.resolve("@stoplight/prism-cli/package.json");
    const { bin } = require(manifestPath) as { bin: string | Record<string, string> };
    const entry = typeof bin === "string" ? bin : bin["prism"];
    return entry ? join(dirname(manifestPath), entry) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts Prism on `spec` with `--errors`, so a request or response that breaks the spec is an error
 * response rather than a silent pass, on 127.0.0.1 and a free port; resolves once it listens.
 */
export async function startPrism(
  spec: string,
  how: PrismMode = { mode: "mock" },
  prism: string | undefined = findPrism(),
): Promise<PrismServer> {
  if (!prism) throw new Error("Prism is not installed: add @stoplight/prism-cli (a devDependency of this package)");
  const port = await findFreePort();
  const started = performance.now();
  const args = how.mode === "mock" ? ["mock", spec] : ["proxy", spec, how.upstream];
  const child = spawn(process.execPath, [prism, ...args, "--host", "127.0.0.1", "--port", String(port), "--errors"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const close = () => stopChild(child);
  try {
    await waitForListening(child);
  } catch (error) {
    await close();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, startupMs: performance.now() - started, close };
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => fail(new Error(`Prism did not start within ${READY_TIMEOUT_MS} ms:\n${output}`)),
      READY_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) done();
    };
    const onExit = (code: number | null) =>
      fail(new Error(`Prism exited with code ${code} before listening:\n${output}`));
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      // Keep draining output so a chatty Prism never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    const done = () => {
      cleanup();
      resolve();
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}
