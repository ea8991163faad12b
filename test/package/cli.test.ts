import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/free-port.js";
import { runCommand } from "../../scripts/lib/run-command.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const SESSION = {
  id: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
  status: "active",
  startTime: "1732579200000",
  endTime: null,
  liveUrl: "https://live.example/s/1",
  token: "secret-session-token-123456",
  launchState: { useStealth: true, useProxy: false, screen: { width: 1920, height: 1080 } },
};
const JSON_TYPE = { "content-type": "application/json" };
const env = { ...process.env, HYPERBROWSER_API_KEY: "cli-test-key", HYPERBROWSER_BASE_URL: "" };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does)");
});

// Every exit-code assertion passes the child's stderr as its message: a failure shows why the CLI exited.
const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
  runCommand(process.execPath, [CLI, ...args], { env: { ...env, ...extraEnv } });

async function serve(status: number, body: unknown, headers: Record<string, string> = JSON_TYPE): Promise<string> {
  server = await startTestServer((_request, response) =>
    send(response, status, typeof body === "string" ? body : JSON.stringify(body), headers),
  );
  return server.url;
}

describe("hyperbrowser-session (the built binary)", () => {
  it("get <id>: prints a readable summary with the token masked, exit 0", async () => {
    const url = await serve(200, SESSION);
    const result = await cli(["get", SESSION.id, "--base-url", url]);
    expect(result.stderr).toBe("");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Session +497f6eca-6276-4993-bfeb-53cbbbba6f08$/m);
    expect(result.stdout).toMatch(/^Status +active$/m);
    expect(result.stdout).toMatch(/^Live URL +https:\/\/live\.example\/s\/1$/m);
    expect(result.stdout).toMatch(/^Launch options +useStealth$/m);
    expect(result.stdout).toMatch(/^Token +secr…56$/m);
    expect(result.stdout).not.toContain(SESSION.token);
    expect(server?.requests[0]?.headers["x-api-key"]).toBe("cli-test-key");
  });

  it("--json prints the body as JSON", async () => {
    const url = await serve(200, SESSION);
    const result = await cli(["get", SESSION.id, "--base-url", url, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(SESSION);
  });

  it("--api-key overrides the environment", async () => {
    const url = await serve(200, SESSION);
    const result = await cli(["get", "s", "--base-url", url, "--api-key", "from-flag"]);
    expect(result.code, result.stderr).toBe(0);
    expect(server?.requests[0]?.headers["x-api-key"]).toBe("from-flag");
  });

  it.each([
    [404, { message: "Session not found" }, 3, /HyperbrowserNotFoundError: Session not found/],
    [401, { message: "Invalid API key" }, 4, /HyperbrowserAuthenticationError: Invalid API key/],
    [403, { message: "Forbidden" }, 4, /HyperbrowserPermissionDeniedError/],
    [500, "<html>boom</html>", 5, /HyperbrowserServerError: 500 Internal Server Error/],
  ] as const)("status %i (body %j) → its exit code, one line on stderr", async (status, body, code, message) => {
    const url = await serve(status, body, typeof body === "string" ? { "content-type": "text/html" } : JSON_TYPE);
    const result = await cli(["get", "s", "--base-url", url, "--retries", "0"]);
    expect(result.code, result.stderr).toBe(code);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("a refused connection → exit 6", async () => {
    const port = await findFreePort();
    const result = await cli(["get", "s", "--base-url", `http://127.0.0.1:${port}`, "--retries", "0"]);
    expect(result.code, result.stderr).toBe(6);
    expect(result.stderr).toMatch(/HyperbrowserConnectionError: .*ECONNREFUSED/);
  });

  it("--timeout: a server that never answers → exit 6 after the timeout", async () => {
    server = await startTestServer(() => undefined);
    const started = performance.now();
    const result = await cli(["get", "s", "--base-url", server.url, "--timeout", "300", "--retries", "0"]);
    expect(result.code, result.stderr).toBe(6);
    expect(result.stderr).toMatch(/HyperbrowserTimeoutError: .*within 300 ms/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it.each([
    [[], /missing command/],
    [["list"], /unknown command "list"/],
    [["get"], /missing <session-id>/],
    [["get", "s", "--frobnicate"], /^hyperbrowser-session: unknown option --frobnicate \(see --help\)\n$/],
    [
      ["get", "s", "--base-url", "not a url"],
      /^hyperbrowser-session: --base-url must be an absolute http\(s\) URL \(see --help\)\n$/,
    ],
    [["get", "s", "--base-url", "ftp://x"], /^hyperbrowser-session: --base-url must be an http or https URL/],
    [["get", "s", "--retries", "11"], /--retries must be an integer from 0 to 10/],
    [["get", "s", "--timeout", "soon"], /--timeout must be an integer/],
    [["get", ".."], /Invalid path parameter `id` "\.\.": must not be a dot segment/],
    [["get", "s", "--mock", "--base-url", "http://x"], /cannot be combined/],
  ])("usage error %j → exit 2", async (args, message) => {
    const result = await cli(args);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("a missing API key → exit 2 naming --api-key and HYPERBROWSER_API_KEY", async () => {
    const result = await cli(["get", "s", "--base-url", "http://127.0.0.1:1"], { HYPERBROWSER_API_KEY: "" });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/missing API key: pass --api-key <key> or set HYPERBROWSER_API_KEY/);
  });

  it.each([
    [
      ["--api-key", "sk_live_SECRET\r\nx: 1"],
      {},
      /the API key \(--api-key\) has a control character \(U\+000D\) at position 14/,
    ],
    [
      [],
      { HYPERBROWSER_API_KEY: "sk_live_SECRET\n" },
      /the API key \(HYPERBROWSER_API_KEY\) has a control character \(U\+000A\) at position 14/,
    ],
  ])("a key that cannot be a header (%j) → exit 2, the key never printed", async (args, extraEnv, message) => {
    const result = await cli(["get", "s", "--base-url", "http://127.0.0.1:1", ...args], extraEnv);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr + result.stdout).not.toContain("SECRET");
  });

  it(
    "server text is printed without control characters or escape sequences (a \\r cannot fake an OK " + "line)",
    async () => {
      const url = await serve(404, { message: "gone\r✓ Session OK \u001b[32mgreen\u001b[0m\u009b2J" });
      const result = await cli(["get", "s", "--base-url", url]);
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toBe("hyperbrowser-session: HyperbrowserNotFoundError: gone✓ Session OK green2J\n");
      const shown = await serve(200, {
        ...SESSION,
        liveUrl: "https://live.example/\u001b]8;;http://evil\u0007x\r\nStatus  closed",
      });
      const summary = await cli(["get", "s", "--base-url", shown]);
      expect(summary.code, summary.stderr).toBe(0);
      expect(summary.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(summary.stdout.match(/^Status/gm)).toHaveLength(1);
      const json = await cli(["get", "s", "--base-url", shown, "--json"]);
      expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    },
  );

  it("a deeply nested 404 body still exits 3", async () => {
    const url = await serve(404, "[".repeat(5000) + "]".repeat(5000));
    const result = await cli(["get", "s", "--base-url", url]);
    expect(result.code, result.stderr).toBe(3);
  });

  it("--validate: a 200 that breaks the spec exits 5 naming the field; without it, exit 0", async () => {
    const url = await serve(200, { ...SESSION, startTime: 1732579200000 });
    const checked = await cli(["get", "s", "--base-url", url, "--validate"]);
    expect(checked.code, checked.stderr).toBe(5);
    expect(checked.stderr).toMatch(/HyperbrowserInvalidResponseError: .*breaks the spec: \/startTime must be string/);
    const unchecked = await cli(["get", "s", "--base-url", url]);
    expect(unchecked.stderr).toBe("");
    expect(unchecked.code, unchecked.stderr).toBe(0);
  });

  it("--help documents options and exit codes", async () => {
    const result = await cli(["--help"]);
    expect(result.code, result.stderr).toBe(0);
    for (const text of [
      "--base-url",
      "--api-key",
      "--timeout",
      "--retries",
      "--json",
      "--validate",
      "--mock",
      "3  session not found",
      "6  network error or timeout",
    ]) {
      expect(result.stdout).toContain(text);
    }
  });

  it("--mock: the in-memory mock's sample sessions, realistic values; an unknown id is the 404 path", async () => {
    const result = await cli(["get", "497f6eca-6276-4993-bfeb-53cbbbba6f08", "--mock"]);
    expect(result.stderr, result.stderr).toMatch(
      /^mock: the in-memory mock \(key "mock-api-key"\); it knows 497f6eca-/,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Session +497f6eca-6276-4993-bfeb-53cbbbba6f08$/m);
    expect(result.stdout).toMatch(/^Started +\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC \(\d{13}\)$/m);
    expect(result.stdout).toMatch(/^Live URL +https:\/\/app\.hyperbrowser\.ai\/live\?sessionId=497f6eca-/m);
    expect(result.stdout).toMatch(/^Launch options +\w+(, \w+)*$/m);
    expect(result.stdout).not.toMatch(/\bstring\b/);
    const json = await cli(["get", "497f6eca-6276-4993-bfeb-53cbbbba6f08", "--mock", "--json"]);
    const session = JSON.parse(json.stdout) as { token: string };
    expect(session).toMatchObject({
      id: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
      status: "active",
      liveUrl: expect.stringContaining("sessionId=497f6eca"),
    });
    // The summary masks the token, also inside the URLs that carry it.
    expect(result.stdout).not.toContain(session.token);
    const missing = await cli(["get", "not-a-known-session", "--mock"]);
    expect(missing.code, missing.stderr).toBe(3);
    expect(missing.stderr).toContain("HyperbrowserNotFoundError: Session not found");
  });

  it("--mock checks the key like the API: a wrong --api-key → 401 → exit 4; the right one → exit 0", async () => {
    const wrong = await cli(["get", "497f6eca-6276-4993-bfeb-53cbbbba6f08", "--mock", "--api-key", "wrong"]);
    expect(wrong.code, wrong.stderr).toBe(4);
    expect(wrong.stderr).toMatch(/HyperbrowserAuthenticationError/);
    const right = await cli(["get", "497f6eca-6276-4993-bfeb-53cbbbba6f08", "--mock", "--api-key", "mock-api-key"]);
    expect(right.code, right.stderr).toBe(0);
  });
});
