import { existsSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { fileURLToPath } from "node:url";
import { createProxy, type ProxyServer } from "proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../scripts/lib/run-command.js";
import { buildSecretCase, forbiddenTexts, type SecretCase } from "../support/secret-cases.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
// A few seeds of the property test (test/integration/secrets-property.test.ts), through the built binary.
const SEEDS = [0x5ec12e7, 0x5ec12e8, 0x5ec12e9, 0x5ec12ea, 0x5ec12eb, 0x5ec12ec, 0x5ec12ed, 0x5ec12ee];

let current: SecretCase | undefined;
let server: TestServer;
let proxy: ProxyServer;
let proxyPort: number;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error("dist/cli.js is missing: run `npm run build` first (npm test does)");
  server = await startTestServer((_request, response) =>
    current ? send(response, current.status, current.body, current.headers) : send(response, 500, "no case"),
  );
  proxy = createProxy(createHttpServer());
  proxy.authenticate = (request) => {
    const { proxyUser, proxyPassword } = current?.secrets ?? { proxyUser: "", proxyPassword: "" };
    return (
      request.headers["proxy-authorization"] ===
      `Basic ${Buffer.from(`${proxyUser}:${proxyPassword}`).toString("base64")}`
    );
  };
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const address = proxy.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no port");
  proxyPort = address.port;
});

afterAll(async () => {
  await server?.close();
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
});

describe("hyperbrowser-session prints no secret", () => {
  it.each(SEEDS)(
    "seed %i: stdout and stderr hold neither the key, the token nor the proxy credentials",
    async (seed) => {
      const secretCase = buildSecretCase(seed);
      const { apiKey, proxyUser, proxyPassword } = secretCase.secrets;
      const proxyUrl =
        `http://${encodeURIComponent(proxyUser)}:${encodeURIComponent(proxyPassword)}` + `@127.0.0.1:${proxyPort}`;
      const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/_proxy$/i.test(name)));
      const env = {
        ...cleanEnv,
        HYPERBROWSER_API_KEY: apiKey,
        HYPERBROWSER_BASE_URL: "",
        ...(secretCase.viaProxy ? { HTTP_PROXY: proxyUrl } : {}),
      };
      const before = server.requests.length;
      current = secretCase;
      try {
        const result = await runCommand(
          process.execPath,
          [CLI, "get", `s-${seed}`, "--base-url", server.url, "--retries", "0"],
          { env },
        );
        expect(
          server.requests.slice(before).map((request) => request.headers["x-api-key"]),
          result.stderr,
        ).toEqual([apiKey]);
        for (const forbidden of forbiddenTexts(secretCase)) {
          expect(result.stdout, secretCase.placements.join(", ")).not.toContain(forbidden);
          expect(result.stderr, secretCase.placements.join(", ")).not.toContain(forbidden);
        }
      } finally {
        current = undefined;
      }
    },
  );
});
