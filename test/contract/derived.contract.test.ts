import { afterAll, describe, expect, inject, it } from "vitest";
import { openApiSchemaToAjv } from "../../scripts/lib/openapi-schema-to-ajv.js";
import { anchorRefs, createSpecAjv } from "../../scripts/lib/spec-ajv.js";
import { createHyperbrowserClient } from "../../src/index.js";
import { expectSpecResponse } from "../support/contract-assertions.js";
import { deriveContractCases, type ContractCase } from "../support/derived/derive-contract-cases.js";
import { contractSpecPath, readContractInputs } from "../support/derived/contract-inputs.js";

// The spec is whatever CONTRACT_SPEC names (openapi.json by default): the same file Prism serves.
const { spec, overrides } = readContractInputs();
const cases = deriveContractCases(spec, overrides);
const ajv = createSpecAjv(spec);
// The real client options, except retries: a declared 5xx or 429 is an answer to check, not to retry.
const client = createHyperbrowserClient({ apiKey: "contract-test-key", baseUrl: inject("prismUrl"), maxRetries: 0 });
afterAll(() => client.close());

type LooseCall = (
  path: string,
  init: Record<string, unknown>,
) => Promise<{ response: Response; data?: unknown; error?: unknown }>;

async function send(contract: ContractCase): Promise<{ response: Response; text: string; body: unknown }> {
  const request = contract.request!;
  const call = (client.raw as unknown as Record<string, LooseCall>)[contract.method]!.bind(client.raw);
  const accept = contract.response.contentType ?? "*/*";
  const { response, data, error } = await call(contract.path, {
    params: { path: request.path, query: request.query },
    headers: { ...request.headers, Prefer: `code=${contract.preferCode}`, Accept: accept },
    ...("body" in request ? { body: request.body } : {}),
    parseAs: "text",
  });
  // openapi-fetch parses error bodies as JSON itself, whatever parseAs says.
  const received = data ?? error;
  const text = typeof received === "string" ? received : JSON.stringify(received ?? null);
  return {
    response,
    text,
    body: typeof received === "string" ? (received === "" ? undefined : JSON.parse(received)) : received,
  };
}

describe(`derived contract suite: every (operation × declared status) of ${contractSpecPath()} against Prism`, () => {
  it("the spec declares at least one case", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  describe.concurrent.each(cases.map((contract) => [contract.name, contract] as const))("%s", (_name, contract) => {
    it("a derived request gets the declared status, media type and a body valid against its schema", async () => {
      if (contract.missing) throw new Error(contract.missing);
      const { response, text, body } = await send(contract);
      // Prism's problem+json names what it rejected; show it rather than only the media type.
      expect(response.headers.get("content-type") ?? "", text).not.toMatch(/problem\+json/i);
      expectSpecResponse(response);
      expect(response.status, text).toBe(contract.preferCode);
      const { contentType, schema } = contract.response;
      if (!contentType) return;
      const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      expect(mediaType).toBe(contentType.toLowerCase());
      if (schema === undefined || !/json/i.test(contentType)) return;
      const validate = ajv.compile(anchorRefs(openApiSchemaToAjv(schema)) as object);
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    });
  });
});
