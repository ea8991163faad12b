import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createApiKeyAuth,
  createHyperbrowserClient,
  HyperbrowserApiError,
  HyperbrowserInvalidArgumentError,
  HyperbrowserInvalidResponseError,
  HyperbrowserRedirectError,
  type HyperbrowserClient,
} from "../../src/index.js";
import { createFakeClock } from "../support/fake-clock.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";
import { withoutNodeHttp } from "../support/without-node-http.js";

const API_KEY = "hb_live_REDIRECT_SECRET";
const SESSION = JSON.stringify({ id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active" });
const REDIRECT_CODES = [301, 302, 303, 307, 308] as const;

// The API server answers /api/session/<code>-<target> with that redirect; /moved is where a same-origin one points.
let api: TestServer;
// Another origin: it must never receive anything.
let other: TestServer;
beforeAll(async () => {
  other = await startTestServer((_request, response) =>
    send(response, 200, SESSION, { "content-type": "application/json" }),
  );
  api = await startTestServer((request, response) => {
    const match = /^\/api\/session\/(\d{3})-(cross|same)$/.exec(request.url ?? "");
    if (!match) return send(response, 200, SESSION, { "content-type": "application/json" });
    const location = match[2] === "cross" ? `${other.url}/api/session/stolen` : "/moved";
    send(response, Number(match[1]), "", { location });
  });
});
afterAll(async () => {
  await api.close();
  await other.close();
});

type MakeClient = (baseUrl: string) => HyperbrowserClient;
const options = { apiKey: API_KEY, clock: createFakeClock() };
const TRANSPORTS: [string, MakeClient][] = [
  ["default node:http transport", (baseUrl) => createHyperbrowserClient({ ...options, baseUrl })],
  [
    "a passed globalThis.fetch",
    (baseUrl) => createHyperbrowserClient({ ...options, baseUrl, fetch: globalThis.fetch }),
  ],
  [
    "a wrapping fetch (adds a header, passes the request on)",
    (baseUrl) =>
      createHyperbrowserClient({
        ...options,
        baseUrl,
        fetch: (input, init) => {
          const request = new Request(input, init);
          request.headers.set("x-traced", "1");
          return globalThis.fetch(request);
        },
      }),
  ],
  [
    "the fetch fallback where node:http is missing",
    (baseUrl) => withoutNodeHttp(() => createHyperbrowserClient({ ...options, baseUrl })),
  ],
];

const cases = TRANSPORTS.flatMap(([transport, make]) =>
  REDIRECT_CODES.flatMap((code) =>
    (["cross", "same"] as const).map((target) => [transport, code, target, make] as const),
  ),
);

describe("redirects are never followed", () => {
  it.each(cases)(
    "%s: %i to the %s origin → HyperbrowserRedirectError with status and location; nothing else is requested",
    async (_transport, code, target, make) => {
      const before = { api: api.requests.length, other: other.requests.length };
      const error = await make(api.url)
        .sessions.get(`${code}-${target}`)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HyperbrowserRedirectError);
      expect(error).toBeInstanceOf(HyperbrowserApiError);
      const redirect = error as HyperbrowserRedirectError;
      expect(redirect.status).toBe(code);
      expect(redirect.location).toBe(target === "cross" ? `${other.url}/api/session/stolen` : "/moved");
      expect(redirect.headers?.get("location")).toBe(redirect.location);
      expect(redirect.attempts).toBe(1);
      expect(other.requests.length - before.other).toBe(0);
      expect(api.requests.slice(before.api).map((request) => request.target)).toEqual([
        `/api/session/${code}-${target}`,
      ]);
    },
  );

  it.each(TRANSPORTS)(
    "%s: raw.GET returns the 3xx as a response whatever `redirect` asks; the other origin gets nothing",
    async (_transport, make) => {
      const client = make(api.url);
      const before = other.requests.length;
      for (const redirect of ["manual", "follow"] as const) {
        const { response, data } = await client.raw.GET("/api/session/{id}", {
          params: { path: { id: "302-cross" } },
          redirect,
        });
        expect(response.status).toBe(302);
        expect(response.headers.get("location")).toBe(`${other.url}/api/session/stolen`);
        expect(data).toBeUndefined();
      }
      expect(other.requests.length).toBe(before);
    },
  );
});

describe("the key is sent to the baseUrl's origin only", () => {
  it.each(TRANSPORTS)(
    "%s: the key goes on the wire once, with sessions.get and with raw.GET",
    async (_transport, make) => {
      const client = make(api.url);
      const before = api.requests.length;
      await client.sessions.get("once");
      await client.raw.GET("/api/session/{id}", {
        params: { path: { id: "once" } },
        headers: { "X-Api-Key": "not-the-key" },
      });
      // node:http joins a repeated header with ", ": exactly the key means it was sent once.
      expect(api.requests.slice(before).map((request) => request.headers["x-api-key"])).toEqual([API_KEY, API_KEY]);
      await client.close();
    },
  );

  it.each(TRANSPORTS)(
    "%s: a per-call baseUrl of another origin is refused before anything is sent",
    async (_transport, make) => {
      const client = make(api.url);
      const before = { api: api.requests.length, other: other.requests.length };
      const error = await client.raw
        .GET("/api/session/{id}", { params: { path: { id: "s" } }, baseUrl: other.url })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HyperbrowserInvalidArgumentError);
      expect((error as Error).message).toContain(`Refusing to send the API key to ${other.url}`);
      expect((error as Error).message).not.toContain(API_KEY);
      expect({ api: api.requests.length, other: other.requests.length }).toEqual(before);
    },
  );

  it("a middleware that rewrites the URL after authentication is stopped by the transport", async () => {
    const client = createHyperbrowserClient({ ...options, baseUrl: api.url });
    client.raw.use({ onRequest: ({ request }) => new Request(request.url.replace(api.url, other.url), request) });
    const before = other.requests.length;
    const error = await client.sessions.get("s").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HyperbrowserInvalidArgumentError);
    expect(other.requests.length).toBe(before);
  });

  it("createApiKeyAuth with an origin refuses other origins; without one it authenticates everything", async () => {
    const guarded = createApiKeyAuth(API_KEY, { origin: api.url });
    const onRequest = guarded.onRequest as (options: { request: Request }) => Request;
    expect(onRequest({ request: new Request(`${api.url}/api/session/s`) }).headers.get("x-api-key")).toBe(API_KEY);
    expect(() => onRequest({ request: new Request(`${other.url}/api/session/s`) })).toThrow(
      HyperbrowserInvalidArgumentError,
    );
    const open = createApiKeyAuth(API_KEY).onRequest as (options: { request: Request }) => Request;
    expect(open({ request: new Request(`${other.url}/x`) }).headers.get("x-api-key")).toBe(API_KEY);
  });

  it("a fetch following redirects anyway: the call rejects instead of returning the other origin's body", async () => {
    // This fetch rebuilds the request and drops `redirect: "manual"`; the client cannot stop the
    // redirect it follows, but it refuses to use the answer.
    const careless: typeof fetch = (input) => {
      const request = input as Request;
      return globalThis.fetch(request.url, { headers: request.headers });
    };
    const client = createHyperbrowserClient({ ...options, baseUrl: api.url, fetch: careless });
    const error = await client.sessions.get("302-cross").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HyperbrowserInvalidResponseError);
    expect((error as Error).message).toMatch(
      /followed a redirect to http:\/\/127\.0\.0\.1:\d+ although redirect: "manual" was asked/,
    );
    expect((error as HyperbrowserInvalidResponseError).attempts).toBe(1);
  });
});
