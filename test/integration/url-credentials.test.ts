import { afterEach, describe, expect, it } from "vitest";
import { createHyperbrowserClient, type HyperbrowserRequestEvent } from "../../src/index.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("credentials in a per-call URL", () => {
  it.each([
    ["user and password", (origin: string) => origin.replace("http://", "http://user:pw-SECRET-42@")],
    ["password only", (origin: string) => origin.replace("http://", "http://:pw-SECRET-42@")],
  ])(
    "a per-call baseUrl with %s is refused like the client's baseUrl option; nothing is sent or observed",
    async (_label, withCredentials) => {
      server = await startTestServer((_request, response) =>
        send(response, 200, "{}", { "content-type": "application/json" }),
      );
      const requests: HyperbrowserRequestEvent[] = [];
      const lines: string[] = [];
      const record = (message: string, fields: Record<string, unknown>) =>
        void lines.push(`${message} ${JSON.stringify(fields)}`);
      const client = createHyperbrowserClient({
        apiKey: "k",
        baseUrl: server.url,
        maxRetries: 0,
        telemetry: false,
        hooks: { onRequest: (event) => void requests.push(event) },
        logger: { debug: record, info: record, warn: record },
      });
      try {
        const error = await client.raw
          .GET("/api/session/{id}", { baseUrl: withCredentials(server.url), params: { path: { id: "s" } } })
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(TypeError);
        expect((error as Error).message).toMatch(/contains credentials .*Nothing was sent/);
        expect((error as Error).message).not.toContain("SECRET");
        expect(server.requests).toEqual([]);
        expect(requests).toEqual([]);
        expect(lines).toEqual([]);
        // The same client still works without credentials in the URL.
        await expect(
          client.raw.GET("/api/session/{id}", { baseUrl: server.url, params: { path: { id: "s" } } }),
        ).resolves.toMatchObject({ data: {} });
      } finally {
        await client.close();
      }
    },
  );
});
