import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHyperbrowserClient, HyperbrowserConnectionError, HyperbrowserNotFoundError } from "../../src/index.js";
import { createHyperbrowserMock } from "../../src/testing/index.js";
import { createMswHandlers } from "../../src/testing/msw.js";

// The service's own configuration: the real API URL. msw intercepts node:http, so nothing leaves the process.
const mock = createHyperbrowserMock({ baseUrl: "https://api.hyperbrowser.ai", apiKey: "service-key" });
const server = setupServer(...createMswHandlers(mock));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());

const serviceClient = () =>
  createHyperbrowserClient({
    apiKey: "service-key",
    baseUrl: "https://api.hyperbrowser.ai",
    retry: { initialDelayMs: 1 },
  });

describe("msw 2 setupServer intercepts the default node:http transport", () => {
  it("answers from the mock's sessions; an unknown id is the spec's 404", async () => {
    const session = mock.add({ status: "closed" });
    const client = serviceClient();
    await expect(client.sessions.get(session.id as string)).resolves.toEqual(session);
    await expect(client.sessions.get("unknown")).rejects.toBeInstanceOf(HyperbrowserNotFoundError);
    expect(mock.calls.map((call) => call.status)).toEqual([200, 404]);
    expect(mock.calls[0]?.headers["user-agent"]).toMatch(/^hyperbrowser-session-client\//);
    await client.close();
  });

  it("scenarios apply: a 503 then success via the real retry code; a network error is a connection error", async () => {
    const session = mock.add();
    mock.respond({ kind: "status", status: 503 });
    const client = serviceClient();
    await expect(client.sessions.get(session.id as string)).resolves.toEqual(session);
    expect(mock.calls.map((call) => call.status)).toEqual([503, 200]);
    mock.respond({ kind: "networkError" }, { times: 3 });
    await expect(client.sessions.get(session.id as string)).rejects.toBeInstanceOf(HyperbrowserConnectionError);
    await client.close();
  });
});
