import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runCommand, type CommandResult } from "../support/run-command.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SESSION_ID = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const JSON_TYPE = { "content-type": "application/json" };

/** A fake upstream: the known id answers `session`, anything else answers 404 with `notFound`. */
async function upstream(session: object, notFound: object): Promise<TestServer> {
  return startTestServer((request, response) =>
    request.url === `/api/session/${SESSION_ID}` ? send(response, 200, JSON.stringify(session), JSON_TYPE) : send(response, 404, JSON.stringify(notFound), JSON_TYPE),
  );
}

function verify(upstreamUrl: string): Promise<CommandResult> {
  return runCommand(process.execPath, ["--import", "./scripts/register-ts-node.mjs", "scripts/contract-verify.ts", "--upstream", upstreamUrl, "--id", SESSION_ID], {
    cwd: ROOT,
  });
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("npm run contract:verify (Prism proxy in front of a local fake upstream)", () => {
  it("passes for an upstream that conforms", async () => {
    server = await upstream({ id: SESSION_ID, status: "active", startTime: "1732579200000", launchState: null }, { message: "Session not found" });
    const result = await verify(server.url);
    expect(result.stdout).toContain("Conforms: 2 probe(s)");
    expect(result.code).toBe(0);
    // The requests really went through to the upstream.
    expect(server.requests.map((request) => request.target)).toEqual([`/api/session/${SESSION_ID}`, expect.stringMatching(/^\/api\/session\/verify-missing-/)]);
  }, 60_000);

  it("fails for an upstream that breaks the spec, naming each violation", async () => {
    server = await upstream({ id: SESSION_ID, status: "active", startTime: 1_732_579_200_000 }, { message: 404 });
    const result = await verify(server.url);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("violation: response.body.startTime: Response body property startTime must be string,null");
    expect(result.stdout).toMatch(/violation: response\.body\.message: .*must be string/);
    expect(result.stdout).toContain("2 violation(s): 2 probe(s)");
  }, 60_000);

  it("rejects a call without --upstream as a usage error", async () => {
    const { code } = await runCommand(process.execPath, ["--import", "./scripts/register-ts-node.mjs", "scripts/contract-verify.ts"], { cwd: ROOT });
    expect(code).toBe(2);
  }, 30_000);
});
