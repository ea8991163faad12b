import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/free-port.js";
import { runCommand, type CommandResult } from "../../scripts/lib/run-command.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SESSION_ID = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const JSON_TYPE = { "content-type": "application/json" };

/** A fake upstream: the known id answers `session`, anything else answers 404 with `notFound`. */
async function upstream(session: object, notFound: object): Promise<TestServer> {
  return startTestServer((request, response) =>
    request.url === `/api/session/${SESSION_ID}`
      ? send(response, 200, JSON.stringify(session), JSON_TYPE)
      : send(response, 404, JSON.stringify(notFound), JSON_TYPE),
  );
}

const KEY_ENV = { ...process.env, HYPERBROWSER_API_KEY: "contract-test-key" };

function verify(upstreamUrl: string, ids: string[] = [SESSION_ID]): Promise<CommandResult> {
  const idArgs = ids.flatMap((id) => ["--id", id]);
  return runCommand(
    process.execPath,
    ["--import", "./scripts/register-ts-node.mjs", "scripts/contract-verify.ts", "--upstream", upstreamUrl, ...idArgs],
    {
      cwd: ROOT,
      env: KEY_ENV,
    },
  );
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("npm run contract:verify (Prism proxy in front of a local fake upstream)", () => {
  it("passes for an upstream that conforms", async () => {
    server = await upstream(
      { id: SESSION_ID, status: "active", startTime: "1732579200000", launchState: null },
      { message: "Session not found" },
    );
    const result = await verify(server.url);
    expect(result.stdout).toContain("Conforms: 2 probe(s), 1 session body(ies) checked");
    expect(result.code).toBe(0);
    // The requests really went through to the upstream.
    expect(server.requests.map((request) => request.target)).toEqual([
      `/api/session/${SESSION_ID}`,
      expect.stringMatching(/^\/api\/session\/verify-missing-/),
    ]);
  }, 60_000);

  it("fails for an upstream that breaks the spec, naming each violation", async () => {
    server = await upstream({ id: SESSION_ID, status: "active", startTime: 1_732_579_200_000 }, { message: 404 });
    const result = await verify(server.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "violation: response.body.startTime: Response body property startTime must be string,null",
    );
    expect(result.stdout).toMatch(/violation: response\.body\.message: .*must be string/);
    expect(result.stdout).toContain("2 violation(s): 2 probe(s)");
  }, 60_000);

  it("fails when the upstream cannot be reached (Prism's own 5xx is not the upstream's answer)", async () => {
    const result = await verify(`http://127.0.0.1:${await findFreePort()}`);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/violation: upstream: not reached through Prism: .*ECONNREFUSED/);
    expect(result.stdout).not.toContain("Conforms");
  }, 60_000);

  it("fails when no --id answered with a 2xx: no session body was checked", async () => {
    server = await upstream({ id: SESSION_ID, status: "active" }, { message: "Session not found" });
    const result = await verify(server.url, ["not-a-session"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("violation: response.status: expected 2xx, got 404");
    expect(result.stdout).not.toContain("Conforms");
  }, 60_000);

  it("refuses to run without --id: a run that checks no 2xx body proves nothing", async () => {
    const result = await runCommand(
      process.execPath,
      ["--import", "./scripts/register-ts-node.mjs", "scripts/contract-verify.ts", "--upstream", "http://127.0.0.1:9"],
      { cwd: ROOT, env: KEY_ENV },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--id <existing-session-id> is required: without one no 2xx body is checked/);
  }, 30_000);

  it("fails for a 2xx the client rejects (9 MB, over its response limit) though Prism finds no violation", async () => {
    server = await upstream(
      { id: SESSION_ID, status: "active", padding: "x".repeat(9 * 1024 * 1024) },
      { message: "Session not found" },
    );
    const result = await verify(server.url);
    expect(result.stdout).toMatch(/violation: client: the client rejected the response: /);
    expect(result.stdout).not.toContain("Conforms");
    expect(result.code).toBe(1);
  }, 90_000);

  it("refuses to run without HYPERBROWSER_API_KEY (exit 2, naming the variable), sending nothing", async () => {
    server = await upstream({ id: SESSION_ID, status: "active" }, { message: "Session not found" });
    const env = { ...process.env };
    delete env["HYPERBROWSER_API_KEY"];
    const result = await runCommand(
      process.execPath,
      [
        "--import",
        "./scripts/register-ts-node.mjs",
        "scripts/contract-verify.ts",
        "--upstream",
        server.url,
        "--id",
        SESSION_ID,
      ],
      { cwd: ROOT, env },
    );
    expect(result.stderr).toContain("HYPERBROWSER_API_KEY is not set");
    expect(result.code).toBe(2);
    expect(server.requests).toEqual([]);
  }, 30_000);

  it("rejects a call without --upstream as a usage error", async () => {
    const { code } = await runCommand(
      process.execPath,
      ["--import", "./scripts/register-ts-node.mjs", "scripts/contract-verify.ts"],
      { cwd: ROOT },
    );
    expect(code).toBe(2);
  }, 30_000);
});
