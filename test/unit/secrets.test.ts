import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createHyperbrowserClient, type HyperbrowserLogger } from "../../src/index.js";
import { createFakeClock } from "../support/fake-clock.js";
import { createStubFetch, jsonResponse } from "../support/stub-fetch.js";

const API_KEY = "hb_live_SECRET_KEY_0123456789";
const SESSION_TOKEN = "SESSION_TOKEN_abcdef";

function capturingLogger(): HyperbrowserLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, fields: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(fields)}`);
  };
  return { lines, debug: record("debug"), info: record("info"), warn: record("warn") };
}

// Each answer carries both secrets back into the client (echoed by a server or a platform error), so the
// assertions below fail if any of them is let through.
const answers: [string, () => Response | Promise<Response>][] = [
  [
    "404 echoing the key and the token",
    () =>
      jsonResponse(
        { message: `Invalid API key ${API_KEY} for session token ${SESSION_TOKEN}`, token: SESSION_TOKEN },
        404,
      ),
  ],
  [
    "503 after retries, token in a URL and the key in a header",
    () =>
      jsonResponse({ message: "down", liveUrl: `https://live.example/s?token=${SESSION_TOKEN}` }, 503, {
        "x-echo-key": API_KEY,
        location: `/x#token=${SESSION_TOKEN}`,
      }),
  ],
  [
    "network error quoting both",
    () => Promise.reject(new TypeError(`fetch failed: key ${API_KEY}, url https://h/?token=${SESSION_TOKEN}`)),
  ],
  [
    "network error whose nested cause quotes both",
    () =>
      Promise.reject(
        new TypeError("fetch failed", {
          cause: new Error(`socket for key ${API_KEY}`, { cause: new Error(`GET /?token=${SESSION_TOKEN}`) }),
        }),
      ),
  ],
  [
    "truncated 200 holding a token",
    () =>
      new Response(
        `{"id":"s","liveUrl":"https://l/?token=${SESSION_TOKEN}","key":"${API_KEY}","token":"${SESSION_TOKEN}`,
        { headers: { "content-type": "application/json" } },
      ),
  ],
];

describe("secret hygiene", () => {
  it.each(answers)(
    "%s: the key and the session token appear in no message, stack, JSON or inspect output, nor in logs",
    async (_label, answer) => {
      const logger = capturingLogger();
      const { fetch, requests } = createStubFetch(answer);
      const client = createHyperbrowserClient({
        apiKey: API_KEY,
        baseUrl: "http://127.0.0.1:1",
        fetch,
        logger,
        clock: createFakeClock(),
      });
      const error = (await client.sessions.get("s").catch((caught: unknown) => caught)) as Error;
      expect(error).toBeInstanceOf(Error);
      const renderings = [
        error.message,
        String(error.stack),
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
        inspect(client, { depth: 10, showHidden: true }),
        ...logger.lines,
      ];
      expect(requests[0]?.headers.get("x-api-key")).toBe(API_KEY);
      for (const text of renderings) {
        expect(text).not.toContain(API_KEY);
        expect(text).not.toContain(SESSION_TOKEN);
      }
      // The secrets came back and were taken out (not merely absent).
      expect(renderings.join("\n")).toContain("[REDACTED]");
      expect(logger.lines.some((line) => line.includes('"x-api-key":"[REDACTED]"'))).toBe(true);
    },
  );

  it("JSON.stringify(error) says what went wrong", async () => {
    const { fetch } = createStubFetch(() => jsonResponse({ message: "nope" }, 404, { "x-request-id": "r1" }));
    const client = createHyperbrowserClient({ apiKey: API_KEY, baseUrl: "http://127.0.0.1:1", fetch });
    const error = await client.sessions.get("s").catch((caught: unknown) => caught);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "HyperbrowserNotFoundError",
      message: "nope",
      status: 404,
      requestId: "r1",
      attempts: 1,
      method: "GET",
      url: "http://127.0.0.1:1/api/session/s",
    });
  });

  it("logs each attempt, the retry and the give-up", async () => {
    const logger = capturingLogger();
    const { fetch } = createStubFetch(() => jsonResponse({}, 503));
    const client = createHyperbrowserClient({
      apiKey: API_KEY,
      baseUrl: "http://127.0.0.1:1",
      fetch,
      logger,
      maxRetries: 1,
      clock: createFakeClock(),
    });
    await client.sessions.get("s").catch(() => undefined);
    expect(logger.lines.map((line) => line.slice(0, line.indexOf(" {")))).toEqual([
      "debug hyperbrowser: request",
      "debug hyperbrowser: response",
      "info hyperbrowser: retrying",
      "debug hyperbrowser: request",
      "debug hyperbrowser: response",
      "warn hyperbrowser: giving up",
    ]);
  });
});
