import { describe, expect, it } from "vitest";
import {
  createHyperbrowserClient,
  HyperbrowserAbortError,
  HyperbrowserApiError,
  HyperbrowserAuthenticationError,
  HyperbrowserConnectionError,
  HyperbrowserInvalidResponseError,
  HyperbrowserNotFoundError,
  HyperbrowserRateLimitError,
  HyperbrowserServerError,
} from "../../src/index.js";
import { createFakeClock } from "../support/fake-clock.js";
import { createStubFetch, jsonResponse } from "../support/stub-fetch.js";

const SESSION = { id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active", startTime: null, launchState: null };

function clientAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const stub = createStubFetch(answer);
  const client = createHyperbrowserClient({
    apiKey: "k",
    baseUrl: "http://127.0.0.1:1",
    fetch: stub.fetch,
    clock: createFakeClock(),
  });
  return { client, requests: stub.requests };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("sessions.get", () => {
  it("resolves to the parsed body of a 200 and sends one GET with x-api-key", async () => {
    const { client, requests } = clientAnswering(() => jsonResponse(SESSION));
    await expect(client.sessions.get(SESSION.id)).resolves.toEqual(SESSION);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe("GET");
    expect(requests[0]?.headers.get("x-api-key")).toBe("k");
  });

  it("404 → HyperbrowserNotFoundError with the body's message, status, body and request id", async () => {
    const { client } = clientAnswering(() =>
      jsonResponse({ message: "Session not found" }, 404, { "x-request-id": "req-1" }),
    );
    const error = await rejection(client.sessions.get("missing"));
    expect(error).toBeInstanceOf(HyperbrowserNotFoundError);
    expect(error).toBeInstanceOf(HyperbrowserApiError);
    expect(error).toMatchObject({
      name: "HyperbrowserNotFoundError",
      status: 404,
      message: "Session not found",
      requestId: "req-1",
    });
    expect((error as HyperbrowserNotFoundError).body).toEqual({ message: "Session not found" });
  });

  it.each([
    [401, HyperbrowserAuthenticationError],
    [429, HyperbrowserRateLimitError],
    [500, HyperbrowserServerError],
    [418, HyperbrowserApiError],
  ] as const)("undeclared status %i → %o with that status, never `error: undefined`", async (status, ErrorClass) => {
    const { client } = clientAnswering(() =>
      jsonResponse({ message: `status ${status}` }, status, { "request-id": "r" }),
    );
    const error = await rejection(client.sessions.get("s"));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, message: `status ${status}`, requestId: "r" });
  });

  it("500 with an HTML body → HyperbrowserServerError with a status-line message and a bounded snippet", async () => {
    const html = `<html><body>${"Bad gateway ".repeat(100)}</body></html>`;
    const { client } = clientAnswering(
      () =>
        new Response(html, {
          status: 500,
          statusText: "Internal Server Error",
          headers: { "content-type": "text/html" },
        }),
    );
    const error = (await rejection(client.sessions.get("s"))) as HyperbrowserServerError;
    expect(error).toBeInstanceOf(HyperbrowserServerError);
    expect(error.message).toBe("500 Internal Server Error");
    expect(error.bodySnippet?.length).toBeLessThanOrEqual(201);
  });

  it.each([
    [
      "HTML",
      () => new Response("<html>oops</html>", { headers: { "content-type": "text/html" } }),
      /expected application\/json, got text\/html/,
    ],
    [
      "truncated JSON",
      () => new Response('{"id": "abc', { headers: { "content-type": "application/json" } }),
      /not valid JSON/,
    ],
    ["an empty body", () => new Response("", { headers: { "content-type": "application/json" } }), /empty/],
    ["a JSON array", () => jsonResponse([SESSION]), /expected a JSON object, got an array/],
  ])("200 with %s → HyperbrowserInvalidResponseError, never a bare SyntaxError", async (_label, answer, message) => {
    const { client } = clientAnswering(answer);
    const error = await rejection(client.sessions.get("s"));
    expect(error).toBeInstanceOf(HyperbrowserInvalidResponseError);
    expect((error as Error).message).toMatch(message);
  });

  it("a network failure → HyperbrowserConnectionError with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const { client } = clientAnswering(() => Promise.reject(cause));
    const error = await rejection(client.sessions.get("s"));
    expect(error).toBeInstanceOf(HyperbrowserConnectionError);
    expect((error as Error).cause).toBe(cause);
  });

  it("the caller's signal → HyperbrowserAbortError", async () => {
    const controller = new AbortController();
    const { client } = clientAnswering(
      (request) =>
        new Promise((_resolve, reject) => {
          request.signal.addEventListener("abort", () => reject(request.signal.reason));
          controller.abort();
        }),
    );
    const error = await rejection(client.sessions.get("s", { signal: controller.signal }));
    expect(error).toBeInstanceOf(HyperbrowserAbortError);
  });
});

describe("sessions.get goes through client.raw like any caller", () => {
  it("a middleware of the caller's sees its request (key already attached) and its response", async () => {
    const { client, requests } = clientAnswering(() => jsonResponse(SESSION, 200, { "x-request-id": "req-9" }));
    const seen: string[] = [];
    client.raw.use({
      onRequest: ({ request, schemaPath }) => {
        seen.push(`request ${request.method} ${request.url} ${schemaPath} key=${request.headers.get("x-api-key")}`);
      },
      onResponse: ({ response }) => {
        seen.push(`response ${response.status} ${response.headers.get("x-request-id")}`);
      },
    });
    await expect(client.sessions.get(SESSION.id)).resolves.toEqual(SESSION);
    expect(seen).toEqual([
      `request GET http://127.0.0.1:1/api/session/${SESSION.id} /api/session/{id} key=k`,
      "response 200 req-9",
    ]);
    expect(requests).toHaveLength(1);
  });

  it("a response a middleware of the caller's makes is read like the server's", async () => {
    const { client, requests } = clientAnswering(() => jsonResponse(SESSION));
    client.raw.use({ onResponse: () => jsonResponse({ message: "gone" }, 404, { "x-request-id": "req-mw" }) });
    const error = await rejection(client.sessions.get(SESSION.id));
    expect(error).toBeInstanceOf(HyperbrowserNotFoundError);
    expect(error).toMatchObject({ status: 404, message: "gone", requestId: "req-mw" });
    expect(requests).toHaveLength(1);
  });

  it("the key is attached once, by the auth middleware, over any x-api-key of the caller's", async () => {
    const { client, requests } = clientAnswering(() => jsonResponse(SESSION));
    await client.sessions.get(SESSION.id);
    await client.raw.GET("/api/session/{id}", {
      params: { path: { id: SESSION.id } },
      headers: { "X-Api-Key": "not-the-key" },
    });
    // Headers joins repeated values with ", ": exactly "k" means one header with the configured key.
    expect(requests.map((request) => request.headers.get("x-api-key"))).toEqual(["k", "k"]);
  });
});
