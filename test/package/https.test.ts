import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHyperbrowserClient, HyperbrowserConnectionError } from "../../src/index.js";
import { runCommand } from "../../scripts/lib/run-command.js";

const CERT = fileURLToPath(new URL("../fixtures/tls/localhost-cert.pem", import.meta.url));
const KEY = fileURLToPath(new URL("../fixtures/tls/localhost-key.pem", import.meta.url));
const DIST = fileURLToPath(new URL("../../dist/index.js", import.meta.url));
const SESSION = { id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active" };

let server: Server;
let url: string;
let connections = 0;
beforeAll(async () => {
  server = createServer({ cert: readFileSync(CERT), key: readFileSync(KEY) }, (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(SESSION));
  });
  server.on("connection", () => (connections += 1));
  // All of 127.0.0.0/8 is loopback on Linux: listening on every address lets the test reach it as 127.0.0.2.
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  url = `https://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("HTTPS with the default node:https transport", () => {
  it(
    "verifies certificates: a self-signed one is refused as a connection error, not retried (it cannot " + "heal)",
    async () => {
      const connectionsBefore = connections;
      const client = createHyperbrowserClient({ apiKey: "k", baseUrl: url });
      const error = await client.sessions.get("s").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HyperbrowserConnectionError);
      expect((error as Error).message).toMatch(/self[- ]signed certificate/i);
      expect(error).toMatchObject({ attempts: 1, code: "DEPTH_ZERO_SELF_SIGNED_CERT" });
      expect(connections - connectionsBefore).toBe(1);
      await client.close();
    },
  );

  it("a certificate for another host is refused, not retried (even when its CA is trusted)", async () => {
    // The certificate names 127.0.0.1 and localhost; the same server reached as 127.0.0.2 does not match.
    const otherHost = url.replace("127.0.0.1", "127.0.0.2");
    const script = `const { createHyperbrowserClient } = await import(${JSON.stringify(DIST)});
const client = createHyperbrowserClient({ apiKey: "k", baseUrl: ${JSON.stringify(otherHost)} });
const error = await client.sessions.get("s").catch((caught) => caught);
console.log(JSON.stringify({ name: error.name, code: error.code, attempts: error.attempts }));`;
    const result = await runCommand(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT },
    });
    expect(JSON.parse(result.stdout)).toEqual({
      name: "HyperbrowserConnectionError",
      code: "ERR_TLS_CERT_ALTNAME_INVALID",
      attempts: 1,
    });
  });

  it("trusts what the platform trusts: NODE_EXTRA_CA_CERTS makes the same server acceptable", async () => {
    const script = `const { createHyperbrowserClient } = await import(${JSON.stringify(DIST)});
const client = createHyperbrowserClient({ apiKey: "k", baseUrl: ${JSON.stringify(url)}, maxRetries: 0 });
console.log(JSON.stringify(await client.sessions.get("s")));`;
    const result = await runCommand(process.execPath, ["--input-type=module", "-e", script], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: CERT },
    });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(SESSION);
  });
});
