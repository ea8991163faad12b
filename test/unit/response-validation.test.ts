import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { responseValidators } from "../../generated/response-validators.js";
import { createSpecValidators } from "../../scripts/lib/spec-ajv.js";
import {
  createHyperbrowserClient,
  HyperbrowserInvalidResponseError,
  type HyperbrowserLogger,
  type ValidateResponsesMode,
} from "../../src/index.js";
import { createStubFetch, jsonResponse } from "../support/stub-fetch.js";

const VALID = {
  id: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
  status: "active",
  startTime: null,
  createdAt: "2026-11-25T12:00:00Z",
  launchState: { useStealth: true, screen: { width: 1280, height: 720 } },
  token: "t",
};

function clientReturning(body: unknown, validateResponses: ValidateResponsesMode, logger?: HyperbrowserLogger) {
  const { fetch } = createStubFetch(() => jsonResponse(body));
  return createHyperbrowserClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1", fetch, validateResponses, logger });
}

describe("validateResponses", () => {
  it("off (default): returns the body as it came", async () => {
    const broken = { ...VALID, status: "paused" };
    await expect(clientReturning(broken, "off").sessions.get("s")).resolves.toEqual(broken);
  });

  it("throw: a body that breaks the spec → HyperbrowserInvalidResponseError listing the JSON paths", async () => {
    const error = (await clientReturning({ ...VALID, status: "paused", startTime: 1_700_000_000_000 }, "throw")
      .sessions.get("s")
      .catch((caught: unknown) => caught)) as HyperbrowserInvalidResponseError;
    expect(error).toBeInstanceOf(HyperbrowserInvalidResponseError);
    expect(error.violations.map((violation) => violation.path).sort()).toEqual(["/startTime", "/status"]);
    expect(error.message).toMatch(/^GET \/api\/session\/\{id\} 200 body breaks the spec: /);
    expect(error.message).toContain("/status must be equal to one of the allowed values");
  });

  it("throw: a valid body passes, and so do the provider's undefined formats", async () => {
    const body = { ...VALID, startTime: "yesterday-ish", createdAt: "not iso at all" };
    await expect(clientReturning(body, "throw").sessions.get("s")).resolves.toEqual(body);
  });

  it("throw: uuid is checked", async () => {
    const error = (await clientReturning({ ...VALID, id: "nope" }, "throw")
      .sessions.get("s")
      .catch((caught: unknown) => caught)) as HyperbrowserInvalidResponseError;
    expect(error.violations).toEqual([{ path: "/id", message: 'must match format "uuid"' }]);
  });

  it("throw: the list is bounded to 10, with a count of the rest", async () => {
    const launchState = Object.fromEntries(
      [
        "useUltraStealth",
        "useStealth",
        "useProxy",
        "solveCaptchas",
        "adblock",
        "trackers",
        "annoyances",
        "enableWebRecording",
        "enableVideoWebRecording",
        "enableLogCapture",
        "acceptCookies",
        "saveDownloads",
        "enableWindowManager",
        "viewOnlyLiveView",
        "disablePasswordManager",
      ].map((name) => [name, "yes"]),
    );
    const error = (await clientReturning({ ...VALID, launchState }, "throw")
      .sessions.get("s")
      .catch((caught: unknown) => caught)) as HyperbrowserInvalidResponseError;
    expect(error.violations).toHaveLength(10);
    expect(error.message).toMatch(/… and 5 more$/);
  });

  it("warn: returns the data and reports the violations to the logger", async () => {
    const warnings: [string, Record<string, unknown>][] = [];
    const logger: HyperbrowserLogger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (message, fields) => warnings.push([message, fields]),
    };
    const broken = { ...VALID, status: "paused" };
    await expect(clientReturning(broken, "warn", logger).sessions.get("s")).resolves.toEqual(broken);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.[0]).toMatch(/breaks the spec: \/status/);
    expect(warnings[0]?.[1]["violations"]).toEqual([
      { path: "/status", message: "must be equal to one of the allowed values" },
    ]);
  });

  it("rejects an unknown mode at construction", () => {
    expect(() => createHyperbrowserClient({ apiKey: "k", validateResponses: "strict" as never })).toThrow(
      /createHyperbrowserClient: `validateResponses` must be "off", "warn" or "throw", got string$/,
    );
  });
});

describe("generated validators agree with the schema compiled from openapi.json", () => {
  const spec = JSON.parse(readFileSync(new URL("../../openapi.json", import.meta.url), "utf8")) as Record<
    string,
    unknown
  >;
  const compiled = createSpecValidators(spec);
  const pairs: [string, string][] = [
    ["200", "SessionDetail"],
    ["404", "ErrorResponse"],
  ];
  it.each(pairs)("status %s vs %s on 2,000 generated bodies", (status, schemaName) => {
    const generated = responseValidators["GET /api/session/{id}"]?.[status];
    expect(generated).toBeDefined();
    const reference = compiled(schemaName);
    const sessionLike = fc.record(
      {
        id: fc.oneof(fc.uuid(), fc.string()),
        status: fc.constantFrom("active", "closed", "error", "paused"),
        startTime: fc.oneof(fc.constant(null), fc.string(), fc.integer()),
        launchState: fc.oneof(
          fc.constant(null),
          fc.record(
            {
              useStealth: fc.oneof(fc.boolean(), fc.string()),
              screen: fc.record({ width: fc.oneof(fc.double(), fc.string()) }),
            },
            { requiredKeys: [] },
          ),
        ),
        message: fc.oneof(fc.string(), fc.integer()),
      },
      { requiredKeys: [] },
    );
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(sessionLike, fc.jsonValue()), (body) => {
        const expected = reference(body);
        expect(generated?.(body)).toBe(expected);
        if (expected) valid += 1;
      }),
      { numRuns: 2_000 },
    );
    expect(valid).toBeGreaterThan(50);
  });
});
