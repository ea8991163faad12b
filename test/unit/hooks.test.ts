import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import {
  CLIENT_VERSION,
  type HyperbrowserGiveUpEvent,
  type HyperbrowserLogger,
  type HyperbrowserRequestEvent,
  type HyperbrowserResponseEvent,
  type HyperbrowserRetryEvent,
} from "../../src/index.js";
import { createHyperbrowserMock, createTestClock } from "../../src/testing/index.js";

function recordingHooks() {
  const events: {
    requests: HyperbrowserRequestEvent[];
    responses: HyperbrowserResponseEvent[];
    retries: HyperbrowserRetryEvent[];
    giveUps: HyperbrowserGiveUpEvent[];
  } = {
    requests: [],
    responses: [],
    retries: [],
    giveUps: [],
  };
  return {
    events,
    hooks: {
      onRequest: (event: HyperbrowserRequestEvent) => void events.requests.push(event),
      onResponse: (event: HyperbrowserResponseEvent) => void events.responses.push(event),
      onRetry: (event: HyperbrowserRetryEvent) => void events.retries.push(event),
      onGiveUp: (event: HyperbrowserGiveUpEvent) => void events.giveUps.push(event),
    },
  };
}

function capturingLogger(): HyperbrowserLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    debug: () => undefined,
    info: () => undefined,
    warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields)}`),
  };
}

describe("hooks", () => {
  it("onRequest, onResponse and onRetry for a 503 then a 200, with redacted, documented data", async () => {
    const clock = createTestClock();
    const mock = createHyperbrowserMock({ clock, apiKey: "hook-secret-key" });
    const session = mock.add();
    mock.respond({ kind: "status", status: 503, retryAfter: 1 });
    const { events, hooks } = recordingHooks();
    await clock.run(mock.client({ hooks }).sessions.get(session.id as string));
    expect(events.requests.map(({ attempt, method, urlTemplate }) => ({ attempt, method, urlTemplate }))).toEqual([
      { attempt: 1, method: "GET", urlTemplate: "/api/session/{id}" },
      { attempt: 2, method: "GET", urlTemplate: "/api/session/{id}" },
    ]);
    expect(events.requests[0]?.headers["x-api-key"]).toBe("[REDACTED]");
    expect(events.requests[0]?.url).toBe(`${mock.baseUrl}/api/session/${session.id}`);
    expect(events.responses.map(({ status, attempt, requestId }) => ({ status, attempt, requestId }))).toEqual([
      { status: 503, attempt: 1, requestId: "mock-1" },
      { status: 200, attempt: 2, requestId: "mock-2" },
    ]);
    expect(events.retries).toEqual([
      expect.objectContaining({ attempt: 1, delayMs: 1_000, reason: "retry-after", cause: "status 503" }),
    ]);
    expect(events.giveUps).toEqual([]);
    expect(
      new Set([...events.requests, ...events.responses, ...events.retries].map((event) => event.clientRequestId)).size,
    ).toBe(1);
    expect(JSON.stringify(events)).not.toContain("hook-secret-key");
  });

  it("onGiveUp when retries run out", async () => {
    const clock = createTestClock();
    const mock = createHyperbrowserMock({ clock });
    const session = mock.add();
    mock.respond({ kind: "networkError" }, { times: 5 });
    const { events, hooks } = recordingHooks();
    await clock
      .run(mock.client({ hooks, retryBudget: false }).sessions.get(session.id as string))
      .catch(() => undefined);
    expect(events.giveUps).toEqual([
      expect.objectContaining({
        attempts: 3,
        reason: "retries-exhausted",
        detail: "2 retries used",
        cause: "connection error: read ECONNRESET",
      }),
    ]);
    expect(events.responses).toEqual([]);
  });

  it("a hook that throws or rejects does not break the call; the logger is told", async () => {
    const mock = createHyperbrowserMock();
    const session = mock.add();
    const logger = capturingLogger();
    const client = mock.client({
      logger,
      hooks: {
        onRequest: () => {
          throw new Error("boom");
        },
        onResponse: () => Promise.reject(new Error("async boom")),
      },
    });
    await expect(client.sessions.get(session.id as string)).resolves.toEqual(session);
    await new Promise((resolve) => setImmediate(resolve));
    expect(logger.warnings).toEqual([
      'hyperbrowser: hook onRequest threw; the call goes on {"error":"Error: boom"}',
      'hyperbrowser: hook onResponse threw; the call goes on {"error":"Error: async boom"}',
    ]);
  });

  it("a rejecting hook with a logger whose warn throws: the call succeeds and nothing goes unhandled", async () => {
    const unhandled = await collectUnhandledRejections(async () => {
      const mock = createHyperbrowserMock();
      const session = mock.add();
      const warn = () => {
        throw new Error("logger down");
      };
      const client = mock.client({
        logger: { debug: () => undefined, info: () => undefined, warn },
        hooks: { onResponse: () => Promise.reject(new Error("hook down")) },
      });
      await expect(client.sessions.get(session.id as string)).resolves.toEqual(session);
    });
    expect(unhandled).toEqual([]);
  });

  it("a rejection from another realm (vm) or a plain thenable is caught and reported, not left unhandled", async () => {
    const logger = capturingLogger();
    const unhandled = await collectUnhandledRejections(async () => {
      const mock = createHyperbrowserMock();
      const session = mock.add();
      const client = mock.client({
        logger,
        hooks: {
          onRequest: (): unknown => runInNewContext('Promise.reject(new Error("vm boom"))'),
          onResponse: () => ({
            then: (_resolve: unknown, reject: (error: unknown) => void) => reject(new Error("thenable boom")),
          }),
        },
      });
      await expect(client.sessions.get(session.id as string)).resolves.toEqual(session);
    });
    expect(unhandled).toEqual([]);
    expect(logger.warnings).toEqual([
      'hyperbrowser: hook onRequest threw; the call goes on {"error":"Error: vm boom"}',
      'hyperbrowser: hook onResponse threw; the call goes on {"error":"Error: thenable boom"}',
    ]);
  });

  it.each([
    [
      "throws",
      (): void => {
        throw new Error("logger down");
      },
    ],
    ["rejects", () => Promise.reject(new Error("logger down"))],
  ])("a logger whose every method %s changes nothing: the session arrives after a retry", async (_label, fail) => {
    const unhandled = await collectUnhandledRejections(async () => {
      const clock = createTestClock();
      const mock = createHyperbrowserMock({ clock });
      const session = mock.add();
      mock.respond({ kind: "status", status: 503, retryAfter: 1 });
      const client = mock.client({ logger: { debug: fail, info: fail, warn: fail }, validateResponses: "warn" });
      await expect(clock.run(client.sessions.get(session.id as string))).resolves.toEqual(session);
      expect(mock.calls).toHaveLength(2);
    });
    expect(unhandled).toEqual([]);
  });

  it("hooks that are not functions are refused at construction", () => {
    expect(() => createHyperbrowserMock().client({ hooks: { onRetry: "yes" as never } })).toThrow(
      /`hooks.onRetry` must be a function/,
    );
  });
});

describe("per-call headers", () => {
  it("are sent with that call only; a user-agent goes in front of the client's", async () => {
    const mock = createHyperbrowserMock();
    const session = mock.add();
    const client = mock.client();
    await client.sessions.get(session.id as string, { headers: { "x-tenant": "t-42", "User-Agent": "billing-job/7" } });
    await client.sessions.get(session.id as string);
    expect(mock.calls[0]?.headers["x-tenant"]).toBe("t-42");
    expect(mock.calls[0]?.headers["user-agent"]).toBe(
      `billing-job/7 hyperbrowser-session-client/${CLIENT_VERSION} node/${process.versions.node}`,
    );
    expect(mock.calls[1]?.headers["x-tenant"]).toBeUndefined();
  });

  it.each([
    [{ "X-Api-Key": "other" }, /sessions\.get: `headers` must not set x-api-key/],
    [{ "x-tenant": "a\r\nb" }, /header x-tenant has a control character \(U\+000D\) at position 1/],
    [{ "bad name": "v" }, /header name "bad name"/],
  ])("%j → TypeError, and nothing is sent", async (headers, message) => {
    const mock = createHyperbrowserMock();
    const session = mock.add();
    await expect(mock.client().sessions.get(session.id as string, { headers })).rejects.toThrow(message);
    expect(mock.calls).toEqual([]);
  });
});

/** Runs `body`, then lets pending rejections surface; returns those nobody handled. */
async function collectUnhandledRejections(body: () => Promise<void>): Promise<unknown[]> {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => void unhandled.push(reason);
  process.on("unhandledRejection", record);
  try {
    await body();
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("unhandledRejection", record);
  }
  return unhandled;
}
