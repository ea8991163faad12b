import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createHyperbrowserClient,
  HyperbrowserAuthenticationError,
  HyperbrowserInvalidResponseError,
  HyperbrowserNotFoundError,
  HyperbrowserServerError,
  isHyperbrowserError,
  type HyperbrowserApiError,
} from "../../src/index.js";
import { createFakeClock } from "../support/fake-clock.js";
import { startRawHttpServer, type RawHttpServer } from "../support/raw-http-server.js";
import { withoutNodeHttp } from "../support/without-node-http.js";

let server: RawHttpServer;
beforeAll(async () => {
  server = await startRawHttpServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () =>
  createHyperbrowserClient({ apiKey: "k", baseUrl: server.url, clock: createFakeClock(), timeoutMs: 2_000 });
const fetchClient = () =>
  withoutNodeHttp(() =>
    createHyperbrowserClient({ apiKey: "k", baseUrl: server.url, clock: createFakeClock(), timeoutMs: 2_000 }),
  );
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

function response(statusLine: string, headers: string[], body: string): string {
  const head = [...headers, `content-length: ${Buffer.byteLength(body, "latin1")}`].join("\r\n");
  return `${statusLine}\r\n${head}\r\n\r\n${body}`;
}

describe("a deeply nested error body", () => {
  const nested = "[".repeat(5000) + "]".repeat(5000);
  it.each([
    [404, HyperbrowserNotFoundError, 1],
    [401, HyperbrowserAuthenticationError, 1],
    [503, HyperbrowserServerError, 3],
  ] as const)(
    "%i → %o (not a bare RangeError), and JSON.stringify(error) still works",
    async (status, ErrorClass, attempts) => {
      server.respondWith(response(`HTTP/1.1 ${status} X`, ["content-type: application/json"], nested));
      const error = await outcome(client().sessions.get("s"));
      expect(error).toBeInstanceOf(ErrorClass);
      expect((error as HyperbrowserApiError).attempts).toBe(attempts);
      expect((error as HyperbrowserApiError).bodySnippet?.startsWith("[[[[")).toBe(true);
      expect(() => JSON.stringify(error)).not.toThrow();
    },
  );
});

describe("invalid status lines and reason phrases", () => {
  it.each(["000", "099", "600", "999", "101"])(
    "status %s → HyperbrowserInvalidResponseError, one attempt, not retried",
    async (status) => {
      server.respondWith(response(`HTTP/1.1 ${status} Odd`, ["content-type: application/json"], "{}"));
      const error = await outcome(client().sessions.get("s"));
      expect(error).toBeInstanceOf(HyperbrowserInvalidResponseError);
      expect((error as Error).message).toMatch(new RegExp(`status ${Number(status)}, outside 200–599`));
      expect(error).toMatchObject({ attempts: 1, status: Number(status) });
      expect(server.requests).toHaveLength(1);
    },
  );

  it.each([
    ["not HTTP at all", "garbage\r\n\r\n", /HPE_INVALID_CONSTANT/],
    ["a two-digit status", "HTTP/1.1 20 X\r\ncontent-length: 0\r\n\r\n", /HPE_INVALID_STATUS/],
    [
      "a NUL in a header value",
      "HTTP/1.1 200 OK\r\nx-a: b\u0000c\r\ncontent-length: 0\r\n\r\n",
      /HPE_INVALID_HEADER_TOKEN/,
    ],
    [
      "two different Content-Lengths",
      "HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-length: 6\r\n\r\nhello",
      /HPE_UNEXPECTED_CONTENT_LENGTH/,
    ],
  ])("%s → HyperbrowserInvalidResponseError naming the parse error, not retried", async (_label, bytes, code) => {
    server.respondWith(bytes);
    const error = await outcome(client().sessions.get("s"));
    expect(error).toBeInstanceOf(HyperbrowserInvalidResponseError);
    expect((error as Error).message).toMatch(code);
    expect(error).toMatchObject({ attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it("a reason phrase with control characters does not break a 200 or a 404", async () => {
    const session = JSON.stringify({ id: "s", status: "active" });
    server.respondWith(response("HTTP/1.1 200 O\u0001K\u001b[31m", ["content-type: application/json"], session));
    await expect(client().sessions.get("s")).resolves.toEqual({ id: "s", status: "active" });
    server.respondWith(
      response("HTTP/1.1 404 \u001b[2Kgone\u007f", ["content-type: application/json"], '{"message":"no such session"}'),
    );
    const error = await outcome(client().sessions.get("s"));
    expect(error).toBeInstanceOf(HyperbrowserNotFoundError);
    expect(error).toMatchObject({ message: "no such session", attempts: 1 });
  });

  it(
    "client.raw: a 200 that is not JSON rejects with HyperbrowserInvalidResponseError, not a " + "SyntaxError",
    async () => {
      server.respondWith(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n" +
          "5\r\n{nope\r\n0\r\n\r\n",
      );
      const error = await outcome(client().raw.GET("/api/session/{id}", { params: { path: { id: "s" } } }));
      expect(error).toBeInstanceOf(HyperbrowserInvalidResponseError);
      expect((error as Error).message).toMatch(/not valid JSON/);
    },
  );
});

// Bytes a hostile or broken server might send, built from parts so that shrinking gives readable cases.
const byteString = (maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength }).map((codes) => String.fromCharCode(...codes));
// Mostly statuses a real server sends, so the body and header paths behind each are exercised too.
const statusCode = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      "200",
      "201",
      "204",
      "301",
      "302",
      "304",
      "400",
      "401",
      "404",
      "409",
      "429",
      "500",
      "503",
    ),
    weight: 6,
  },
  { arbitrary: fc.integer({ min: 0, max: 999 }).map((code) => String(code).padStart(3, "0")), weight: 3 },
  { arbitrary: byteString(5), weight: 1 },
);
const reasonPhrase = fc.oneof(
  { arbitrary: fc.constantFrom("OK", "Not Found", ""), weight: 3 },
  { arbitrary: byteString(20), weight: 2 },
);
const headerLine = fc
  .oneof(
    fc.constant("content-type: application/json"),
    fc.tuple(
      fc.constantFrom(
        "content-type",
        "content-length",
        "retry-after",
        "retry-after-ms",
        "location",
        "transfer-encoding",
        "x-request-id",
      ),
      byteString(30),
    ),
    fc.tuple(byteString(12), byteString(30)),
  )
  .map(([name, value]) => `${name}: ${value}`);
const body = fc.oneof(
  byteString(300),
  fc.json({ maxDepth: 4 }),
  fc.integer({ min: 1, max: 3000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
  fc.constant('{"id":"s","status":"active"}'),
);
const rawResponse = fc
  .record({
    version: fc.oneof(
      { arbitrary: fc.constant("HTTP/1.1"), weight: 8 },
      { arbitrary: fc.constantFrom("HTTP/1.0", "HTTP/2", "ICE/1.0"), weight: 1 },
    ),
    status: statusCode,
    reason: reasonPhrase,
    headers: fc.array(headerLine, { maxLength: 6 }),
    body,
    withLength: fc.boolean(),
  })
  .map(({ version, status, reason, headers, body: content, withLength }) => {
    const lines = [
      `${version} ${status} ${reason}`,
      ...headers,
      ...(withLength ? [`content-length: ${content.length}`] : []),
    ];
    return `${lines.join("\r\n")}\r\n\r\n${content}`;
  });

const viaMiddleware = () => {
  const hyperbrowser = client();
  hyperbrowser.raw.use({ onRequest: ({ request }) => request });
  return hyperbrowser;
};

describe("whatever bytes the server sends", () => {
  it.each([
    ["node:http", client],
    ["node:http, sessions.get through openapi-fetch (a middleware registered)", viaMiddleware],
    ["fetch fallback", fetchClient],
  ])(
    "%s: sessions.get and client.raw resolve or reject with a HyperbrowserError, never anything else",
    async (_transport, makeClient) => {
      await fc.assert(
        fc.asyncProperty(rawResponse, async (bytes) => {
          server.respondWith(bytes);
          const hyperbrowser = makeClient();
          const fromGet = await outcome(hyperbrowser.sessions.get("s"));
          const fromRaw = await outcome(hyperbrowser.raw.GET("/api/session/{id}", { params: { path: { id: "s" } } }));
          for (const error of [fromGet, fromRaw]) {
            if (error !== undefined && !isHyperbrowserError(error))
              throw new Error(`escaped the taxonomy: ${String((error as Error)?.stack ?? error)}`);
          }
          await hyperbrowser.close();
        }),
        { numRuns: 200 },
      );
    },
  );
});
