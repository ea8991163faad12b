import { afterEach, describe, expect, it } from "vitest";
import { createHyperbrowserClient } from "../../src/index.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("retry budget against a real server, in real time", () => {
  it(
    "100 concurrent calls to an always-503 server make at most about 110 attempts (300 without the " + "budget)",
    async () => {
      server = await startTestServer((_request, response) =>
        send(response, 503, '{"message":"down"}', { "content-type": "application/json" }),
      );
      const client = createHyperbrowserClient({ apiKey: "k", baseUrl: server.url, retry: { initialDelayMs: 20 } });
      await Promise.all(Array.from({ length: 100 }, () => client.sessions.get("s").catch(() => undefined)));
      console.log(`[retry budget] 100 calls to an always-503 server: ${server.requests.length} attempts`);
      expect(server.requests.length).toBeLessThanOrEqual(110);
      await client.close();

      const unlimited = createHyperbrowserClient({
        apiKey: "k",
        baseUrl: server.url,
        retry: { initialDelayMs: 20 },
        retryBudget: false,
      });
      const before = server.requests.length;
      await Promise.all(Array.from({ length: 100 }, () => unlimited.sessions.get("s").catch(() => undefined)));
      expect(server.requests.length - before).toBe(300);
      await unlimited.close();
    },
  );
});
