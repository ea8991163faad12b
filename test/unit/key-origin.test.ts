import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createApiKeyAuth, createHyperbrowserClient, HyperbrowserInvalidArgumentError } from "../../src/index.js";
import { refuseKeyToOtherOrigin } from "../../src/http/key-origin.js";
import type { paths } from "../../src/types.js";
import { createFakeClock } from "../support/fake-clock.js";
import { createStubFetch, jsonResponse } from "../support/stub-fetch.js";

const KEY = "key-origin-secret";
const API = "https://api.example.test";
const SESSION = { id: "s", status: "active" };

describe("refuseKeyToOtherOrigin (the one origin guard)", () => {
  it.each([`${API}/api/session/s`, "https://API.example.test:443/api/session/s", `${API}/other/path?q=1`])(
    "lets %s through",
    (url) => {
      expect(() => refuseKeyToOtherOrigin("GET", url, API)).not.toThrow();
    },
  );

  it.each([
    ["another host", "https://evil.example.test/api/session/s"],
    ["another scheme", "http://api.example.test/api/session/s"],
    ["another port", "https://api.example.test:8443/api/session/s"],
    ["a subdomain", "https://x.api.example.test/api/session/s"],
  ])("refuses %s, naming both origins and the request", (_label, url) => {
    let caught: unknown;
    try {
      refuseKeyToOtherOrigin("GET", url, API);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HyperbrowserInvalidArgumentError);
    expect(caught).toMatchObject({ method: "GET", url, argument: "url" });
    expect((caught as Error).message).toBe(
      `Refusing to send the API key to ${new URL(url).origin}: it is sent only to ${API}; nothing was sent`,
    );
  });
});

describe("the client refuses to send the key elsewhere, whichever layer sees the other origin", () => {
  it("the auth middleware refuses a per-call baseUrl of another origin: no later middleware, no request", async () => {
    const stub = createStubFetch(() => jsonResponse(SESSION));
    const client = createHyperbrowserClient({
      apiKey: KEY,
      baseUrl: API,
      fetch: stub.fetch,
      clock: createFakeClock(),
    });
    const later: string[] = [];
    client.raw.use({ onRequest: ({ request }) => void later.push(request.url) });
    const error = await client.raw
      .GET("/api/session/{id}", { params: { path: { id: "s" } }, baseUrl: "https://evil.example.test" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HyperbrowserInvalidArgumentError);
    expect((error as Error).message).toContain("Refusing to send the API key to https://evil.example.test");
    expect((error as Error).message).not.toContain(KEY);
    expect(later).toEqual([]);
    expect(stub.requests).toHaveLength(0);
  });

  it("the transport refuses a URL a later middleware rewrote to another origin: nothing is sent", async () => {
    const stub = createStubFetch(() => jsonResponse(SESSION));
    const client = createHyperbrowserClient({
      apiKey: KEY,
      baseUrl: API,
      fetch: stub.fetch,
      clock: createFakeClock(),
      maxRetries: 0,
    });
    const rewritten: string[] = [];
    client.raw.use({
      onRequest: ({ request }) => {
        const moved = new Request(request.url.replace(API, "https://evil.example.test"), request);
        rewritten.push(moved.url);
        return moved;
      },
    });
    const error = await client.sessions.get("s").catch((caught: unknown) => caught);
    expect(rewritten).toEqual(["https://evil.example.test/api/session/s"]);
    expect(error).toBeInstanceOf(HyperbrowserInvalidArgumentError);
    expect((error as Error).message).not.toContain(KEY);
    expect(stub.requests).toHaveLength(0);
  });

  it("createApiKeyAuth on a plain openapi-fetch client refuses another origin on its own", async () => {
    const stub = createStubFetch(() => jsonResponse(SESSION));
    const raw = createClient<paths>({ baseUrl: API, fetch: stub.fetch });
    raw.use(createApiKeyAuth(KEY, { origin: API }));
    await expect(raw.GET("/api/session/{id}", { params: { path: { id: "s" } } })).resolves.toMatchObject({
      data: SESSION,
    });
    const error = await raw
      .GET("/api/session/{id}", { params: { path: { id: "s" } }, baseUrl: "http://api.example.test" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HyperbrowserInvalidArgumentError);
    expect(stub.requests.map((request) => [request.url, request.headers.get("x-api-key")])).toEqual([
      [`${API}/api/session/s`, KEY],
    ]);
  });
});
