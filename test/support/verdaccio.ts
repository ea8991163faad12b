import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { findFreePort } from "../../scripts/lib/free-port.js";
import { stopChild } from "../../scripts/lib/stop-child.js";

/** A Verdaccio registry on 127.0.0.1: storage in a temp folder, no uplinks, one user. */
export interface LocalRegistry {
  url: string;
  /** A token of the registry's user, for `//host/:_authToken=`. */
  token: string;
  startupMs: number;
  /** Stops Verdaccio and deletes its storage. */
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

/** Starts Verdaccio (the pinned devDependency) and creates a user; nothing it does reaches beyond 127.0.0.1. */
export async function startVerdaccio(): Promise<LocalRegistry> {
  const dir = await mkdtemp(join(tmpdir(), "verdaccio-"));
  const port = await findFreePort();
  // No `uplinks`: a package it does not hold is a 404, never a request to the public registry.
  await writeFile(
    join(dir, "config.yaml"),
    [
      `storage: ${join(dir, "storage")}`,
      "auth:",
      `  htpasswd: { file: ${join(dir, "htpasswd")}, max_users: 10 }`,
      "uplinks: {}",
      "packages:",
      "  '**': { access: $all, publish: $authenticated, unpublish: $authenticated }",
      "log: { type: stdout, format: pretty, level: warn }",
      "publish: { allow_offline: true }",
      "",
    ].join("\n"),
  );
  const bin = join(dirname(createRequire(import.meta.url).resolve("verdaccio/package.json")), "bin/verdaccio");
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "--config", join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const close = async () => {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPing(url, child, () => output);
    const startupMs = performance.now() - started;
    const response = await fetch(`${url}-/user/org.couchdb.user:release-test`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "release-test", password: "release-test-password" }),
    });
    const { token } = (await response.json()) as { token?: string };
    if (!response.ok || !token) throw new Error(`could not create a Verdaccio user: ${response.status}`);
    return { url, token, startupMs, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function waitForPing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited with code ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${url}-/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Verdaccio did not answer within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}
