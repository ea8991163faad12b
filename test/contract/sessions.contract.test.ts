import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { createSpecValidators } from "../../scripts/lib/spec-ajv.js";
import {
  createHyperbrowserClient,
  HyperbrowserApiError,
  HyperbrowserNotFoundError,
  type HyperbrowserClientOptions,
} from "../../src/index.js";
import { expectSpecResponse } from "../support/contract-assertions.js";
import { createObservedFetch } from "../support/observed-fetch.js";

const spec = JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8")) as Record<
  string,
  unknown
>;
const schemaValidator = createSpecValidators(spec);
const validateSessionDetail = schemaValidator("SessionDetail");
const validateErrorResponse = schemaValidator("ErrorResponse");
const SESSION_ID = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const DYNAMIC_RUNS = 50;

function contractClient(options: HyperbrowserClientOptions = {}, rewrite?: (request: Request) => Request) {
  const observed = createObservedFetch(rewrite);
  const client = createHyperbrowserClient({
    apiKey: "contract-test-key",
    baseUrl: inject("prismUrl"),
    fetch: observed.fetch,
    ...options,
  });
  return { client, exchanges: observed.exchanges };
}

function lastResponse(exchanges: { response: Response }[]): Response | undefined {
  return exchanges.at(-1)?.response;
}

describe("GET /api/session/{id} against Prism (mock of openapi.json)", () => {
  it("[GET /api/session/{id} 200] returns a body that validates against the spec's SessionDetail schema", async () => {
    const { client, exchanges } = contractClient();
    const session = await client.sessions.get(SESSION_ID);
    expectSpecResponse(lastResponse(exchanges));
    expect(validateSessionDetail(session), JSON.stringify(validateSessionDetail.errors)).toBe(true);
    expect(exchanges[0]?.request.url).toBe(`${inject("prismUrl")}/api/session/${SESSION_ID}`);
    expect(exchanges[0]?.request.headers.get("x-api-key")).toBe("contract-test-key");
  });

  it(
    `[GET /api/session/{id} 200] Prefer: dynamic=true: ${DYNAMIC_RUNS} generated bodies all validate (and pass ` +
      `validateResponses: "throw")`,
    async () => {
      const { client, exchanges } = contractClient({ headers: { Prefer: "dynamic=true" }, validateResponses: "throw" });
      const statuses = new Set<string>();
      for (let run = 0; run < DYNAMIC_RUNS; run += 1) {
        const session = await client.sessions.get(`session-${run}`);
        expectSpecResponse(lastResponse(exchanges));
        expect(validateSessionDetail(session), JSON.stringify(validateSessionDetail.errors)).toBe(true);
        statuses.add(String(session.status));
      }
      expect(exchanges).toHaveLength(DYNAMIC_RUNS);
      // Dynamic bodies differ run to run; a constant body would mean the mode was not honoured.
      expect(new Set(exchanges.map(({ response }) => response.headers.get("content-length"))).size).toBeGreaterThan(1);
    },
  );

  it(
    "[GET /api/session/{id} 404] Prefer: code=404 → HyperbrowserNotFoundError carrying the spec's ErrorResponse " +
      "message",
    async () => {
      const { client, exchanges } = contractClient({ headers: { Prefer: "code=404" } });
      const error = await client.sessions.get(SESSION_ID).catch((caught: unknown) => caught);
      expectSpecResponse(lastResponse(exchanges));
      expect(error).toBeInstanceOf(HyperbrowserNotFoundError);
      const notFound = error as HyperbrowserNotFoundError;
      expect(notFound.status).toBe(404);
      expect(validateErrorResponse(notFound.body), JSON.stringify(validateErrorResponse.errors)).toBe(true);
      const specMessage = (notFound.body as { message: string }).message;
      expect(specMessage).toEqual(expect.any(String));
      expect(notFound.message).toBe(specMessage);
    },
  );

  it("a request without x-api-key gets Prism's 401, surfaced as HyperbrowserApiError status 401", async () => {
    const stripKey = (request: Request) => {
      const headers = new Headers(request.headers);
      headers.delete("x-api-key");
      return new Request(request, { headers });
    };
    const { client, exchanges } = contractClient({}, stripKey);
    const error = await client.sessions.get(SESSION_ID).catch((caught: unknown) => caught);
    expect(exchanges[0]?.request.headers.has("x-api-key")).toBe(false);
    expect(error).toBeInstanceOf(HyperbrowserApiError);
    expect((error as HyperbrowserApiError).status).toBe(401);
    // This 401 is Prism enforcing the spec's ApiKeyAuth, so it is problem+json by design.
    expect(lastResponse(exchanges)?.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it(
    "Prefer: code=500 (undeclared) is Prism's problem+json 404, which the contract check refuses to take as " +
      "'not found'",
    async () => {
      const { client, exchanges } = contractClient({ headers: { Prefer: "code=500" } });
      const error = await client.sessions.get(SESSION_ID).catch((caught: unknown) => caught);
      expect((error as HyperbrowserApiError).status).toBe(404);
      expect(() => expectSpecResponse(lastResponse(exchanges))).toThrow(/problem\+json/);
    },
  );

  it("client.raw reaches the same operation, typed, with the auth middleware applied", async () => {
    const { client, exchanges } = contractClient();
    const { data, error, response } = await client.raw.GET("/api/session/{id}", {
      params: { path: { id: SESSION_ID } },
    });
    expectSpecResponse(response);
    expect(error).toBeUndefined();
    expect(validateSessionDetail(data), JSON.stringify(validateSessionDetail.errors)).toBe(true);
    expect(exchanges[0]?.request.headers.get("x-api-key")).toBe("contract-test-key");
  });
});

describe("the contract validator itself", () => {
  it("rejects bodies that break SessionDetail, so a passing contract test means something", async () => {
    const { client } = contractClient();
    const session = await client.sessions.get(SESSION_ID);
    expect(validateSessionDetail(session)).toBe(true);
    expect(validateSessionDetail({ ...session, status: "paused" })).toBe(false);
    expect(validateSessionDetail({ ...session, startTime: 1_732_579_200_000 })).toBe(false);
    expect(validateSessionDetail({ ...session, id: "not-a-uuid" })).toBe(false);
    expect(validateSessionDetail({ ...session, launchState: { screen: { width: "wide" } } })).toBe(false);
  });
});
