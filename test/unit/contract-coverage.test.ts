import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openApiSchemaToAjv } from "../../scripts/lib/openapi-schema-to-ajv.js";
import { anchorRefs, createSpecAjv } from "../../scripts/lib/spec-ajv.js";
import { parseSpecSource } from "../../scripts/lib/spec-source.js";
import { listOperations } from "../../scripts/lib/spec-operations.js";
import { declaredPairs } from "../support/contract-coverage.js";
import { deriveContractCases } from "../support/derived/derive-contract-cases.js";

const readSpec = (path: string) => {
  const url = new URL(path, import.meta.url);
  return parseSpecSource(readFileSync(url, "utf8"), url.pathname);
};
const LARGE = "../fixtures/specs/large/openapi.json";

/** A one-operation spec whose only operation takes `parameters` and `requestBody`. */
function oneOperation(parameters: unknown[], requestBody?: unknown): Record<string, unknown> {
  return {
    openapi: "3.0.1",
    info: { title: "t", version: "1" },
    paths: {
      "/api/x/{id}": {
        post: { parameters, ...(requestBody ? { requestBody } : {}), responses: { 200: { description: "ok" } } },
      },
    },
  };
}

describe("contract coverage: derived from the spec, no hand-written test needed", () => {
  it("every (operation × declared status) of openapi.json has a derived case with a request", () => {
    const spec = readSpec("../../openapi.json");
    const cases = deriveContractCases(spec);
    expect(cases.map((contract) => contract.name)).toEqual(declaredPairs(spec));
    expect(cases.filter((contract) => contract.missing)).toEqual([]);
  });

  it("a spec that adds an endpoint is covered by derived cases without writing a test", () => {
    const cases = deriveContractCases(readSpec("../fixtures/specs/add-endpoint.json"));
    const added = cases.filter((contract) => contract.path === "/api/session/{id}/recording");
    expect(added.map((contract) => contract.name)).toEqual([
      "GET /api/session/{id}/recording 200",
      "GET /api/session/{id}/recording 404",
    ]);
    expect(added.every((contract) => contract.request && !contract.missing)).toBe(true);
  });

  it("the large fixture: 50+ operations, every pair derived, every derived body valid for its request schema", () => {
    const spec = readSpec(LARGE);
    expect(listOperations(spec).length).toBeGreaterThanOrEqual(50);
    const cases = deriveContractCases(spec);
    expect(cases).toHaveLength(declaredPairs(spec).length);
    expect(cases.filter((contract) => contract.missing).map((contract) => contract.missing)).toEqual([]);
    const ajv = createSpecAjv(spec);
    const withBody = listOperations(spec).filter((operation) => operation.operation["requestBody"]);
    expect(withBody.length).toBeGreaterThan(10);
    for (const operation of withBody) {
      const schema = (operation.operation["requestBody"] as { content: Record<string, { schema: unknown }> }).content[
        "application/json"
      ]!.schema;
      const validate = ajv.compile(anchorRefs(openApiSchemaToAjv(schema)) as object);
      const body = cases.find((contract) => contract.name.startsWith(`${operation.key} `))!.request!.body;
      expect(validate(body), `${operation.key}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it(
    "oneOf with a discriminator: the first branch with its mapped name; readOnly properties left out; examples " +
      "preferred",
    () => {
      const cases = deriveContractCases(readSpec(LARGE));
      expect(cases.find((contract) => contract.name === "POST /api/jobs/{id}/actions 202")?.request?.body).toEqual({
        kind: "start",
        delayMs: 0,
      });
      expect(cases.find((contract) => contract.name === "POST /api/jobs 201")?.request?.body).toEqual({
        name: "new-job",
      });
      expect(cases.find((contract) => contract.name === "GET /api/jobs 200")?.request?.query).toEqual({
        teamId: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
      });
    },
  );

  it("an operation whose request cannot be derived fails naming what is missing; an override fixes it", () => {
    const spec = oneOperation([
      { name: "id", in: "path", required: true, schema: { type: "string" } },
      { name: "code", in: "query", required: true, schema: { type: "string", pattern: "^[A-Z]{3}$" } },
    ]);
    const [broken] = deriveContractCases(spec);
    expect(broken?.request).toBeUndefined();
    expect(broken?.missing).toMatch(
      /^POST \/api\/x\/\{id\}: no valid request can be derived \(query parameter code: a string with pattern .* and no example\); add "POST \/api\/x\/\{id\}" to the contract override fixture$/,
    );
    const [fixed] = deriveContractCases(spec, { "POST /api/x/{id}": { query: { code: "ABC" } } });
    expect(fixed?.missing).toBeUndefined();
    expect(fixed?.request).toEqual({ path: { id: "string" }, query: { code: "ABC" }, headers: {} });
  });

  it("a required body without a JSON media type, a required cookie and a 'not' schema are named too", () => {
    const body = {
      required: true,
      content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
    };
    expect(deriveContractCases(oneOperation([], body))[0]?.missing).toContain(
      "the request body has no JSON media type (declared: application/octet-stream)",
    );
    expect(
      deriveContractCases(oneOperation([{ name: "sid", in: "cookie", required: true, schema: { type: "string" } }]))[0]
        ?.missing,
    ).toContain("cookie parameter sid is required");
    const notBody = { required: true, content: { "application/json": { schema: { not: { type: "string" } } } } };
    expect(deriveContractCases(oneOperation([], notBody))[0]?.missing).toContain(
      'request body: a "not" schema without an example',
    );
  });
});
