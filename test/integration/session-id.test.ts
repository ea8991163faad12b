import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHyperbrowserClient, HyperbrowserInvalidArgumentError } from "../../src/index.js";
import { MAX_PATH_PARAM_LENGTH } from "../../src/resources/path-params.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const RUNS = 3_000;
// Characters that break naive path building: separators, dots, percent signs, controls, a lone surrogate.
const TRICKY = [
  ".",
  "..",
  "%",
  "2e",
  "2E",
  "/",
  "\\",
  "?",
  "#",
  ";",
  "&",
  "=",
  "+",
  " ",
  "\t",
  "\u0000",
  "\u007f",
  "\u0085",
  "\ud800",
  "a",
  "é",
  "😀",
];
const arbitraryId = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 12 }).map((parts) => parts),
  fc.constantFrom(
    ".",
    "..",
    "%2e",
    "%2E%2e",
    ".%2e",
    "",
    " ",
    "a/../b",
    "../x",
    "a?b=c",
    "a#b",
    "x".repeat(MAX_PATH_PARAM_LENGTH + 1),
  ),
);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((_request, response) =>
    send(response, 200, '{"id":"ok"}', { "content-type": "application/json" }),
  );
});
afterAll(() => server.close());

describe("session ids", () => {
  it(`${RUNS} arbitrary ids: each is refused unsent or arrives as exactly one segment decoding to the id`, async () => {
    const client = createHyperbrowserClient({ apiKey: "k", baseUrl: server.url, maxRetries: 0 });
    let sent = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryId, async (id) => {
        const before = server.requests.length;
        const outcome = await client.sessions.get(id).then(
          () => "sent" as const,
          (error: unknown) => error,
        );
        if (outcome !== "sent") {
          expect(outcome).toBeInstanceOf(HyperbrowserInvalidArgumentError);
          expect((outcome as HyperbrowserInvalidArgumentError).attempts).toBe(0);
          expect(server.requests.length).toBe(before);
          rejected += 1;
          return;
        }
        expect(server.requests.length).toBe(before + 1);
        const match = /^\/api\/session\/([^/?#]+)$/.exec(server.requests[before]?.target ?? "");
        expect(match, `target ${server.requests[before]?.target}`).not.toBeNull();
        expect(decodeURIComponent(match?.[1] ?? "")).toBe(id);
        sent += 1;
      }),
      { numRuns: RUNS },
    );
    // Both branches must really be exercised, or the property says little.
    expect(sent).toBeGreaterThan(RUNS / 10);
    expect(rejected).toBeGreaterThan(RUNS / 100);
  }, 120_000);

  it.each([
    ["", /must not be empty/],
    ["   ", /only whitespace/],
    ["..", /dot segment/],
    ["%2E%2e", /dot segment/],
    ["a\nb", /control characters/],
    ["\ud800", /well-formed Unicode/],
    ["x".repeat(MAX_PATH_PARAM_LENGTH + 1), new RegExp(`at most ${MAX_PATH_PARAM_LENGTH}`)],
  ])("rejects %j with a message that says why and quotes the id safely", async (id, reason) => {
    const client = createHyperbrowserClient({ apiKey: "k", baseUrl: server.url });
    const before = server.requests.length;
    const error = (await client.sessions
      .get(id)
      .catch((caught: unknown) => caught)) as HyperbrowserInvalidArgumentError;
    expect(error).toBeInstanceOf(HyperbrowserInvalidArgumentError);
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(/^Invalid path parameter `id`/);
    expect(error.message.length).toBeLessThan(200);
    expect(error.message).not.toMatch(/[\u0000-\u001f]/);
    expect(server.requests.length).toBe(before);
  });

  it("client.raw gets the same protection", async () => {
    const client = createHyperbrowserClient({ apiKey: "k", baseUrl: server.url });
    await expect(client.raw.GET("/api/session/{id}", { params: { path: { id: ".." } } })).rejects.toBeInstanceOf(
      HyperbrowserInvalidArgumentError,
    );
  });
});
