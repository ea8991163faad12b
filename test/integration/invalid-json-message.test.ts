import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createHyperbrowserClient, HyperbrowserInvalidResponseError } from "../../src/index.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

// Unquoted, so neither the `"token"` field rule nor a query-parameter rule could catch it in a quote.
const SECRET = "QUOTEDSECRETVALUE12345";
const bodies: [string, string, RegExp][] = [
  [
    "an unexpected token (V8 quotes the text around it)",
    `{"id":"s","note":${SECRET}}`,
    /not valid JSON \(\d+ characters\)/,
  ],
  [
    "a bad character after a value",
    `{"id":"s","note":"x"${SECRET}}`,
    /not valid JSON \(invalid at character 20 of \d+\)/,
  ],
  ["a truncated body", `{"id":"s","note":"${SECRET}`, /not valid JSON \(it ends early: truncated\?\)/],
];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("a 2xx body that is not JSON", () => {
  it.each(bodies)(
    "%s: the message says where, the parser's quote reaches no message, cause or inspect output",
    async (_label, body, message) => {
      server = await startTestServer((_request, response) =>
        send(response, 200, body, { "content-type": "application/json" }),
      );
      const client = createHyperbrowserClient({ apiKey: "k", baseUrl: server.url, maxRetries: 0, telemetry: false });
      try {
        // sessions.get parses the body itself; raw.GET lets openapi-fetch call Response#json().
        const fromSessions = await client.sessions.get("s").catch((error: unknown) => error);
        const fromRaw = await client.raw
          .GET("/api/session/{id}", { params: { path: { id: "s" } } })
          .catch((error: unknown) => error);
        for (const error of [fromSessions, fromRaw]) {
          expect(error).toBeInstanceOf(HyperbrowserInvalidResponseError);
          const invalid = error as HyperbrowserInvalidResponseError;
          expect(invalid.message).toMatch(message);
          expect(invalid.cause).toBeUndefined();
          // The snippet keeps the body's start (item 15 is about the parser's words, not the body).
          expect(`${invalid.message} ${String(invalid.stack)}`).not.toContain(SECRET.slice(0, 8));
          expect(inspect(invalid, { depth: 5 }).replace(/bodySnippet: '[^']*'/, "")).not.toContain(SECRET.slice(0, 8));
        }
      } finally {
        await client.close();
      }
    },
  );
});
