import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { openApiSchemaToAjv } from "../../scripts/lib/openapi-schema-to-ajv.js";
import { renderResponseValidators } from "../../scripts/lib/render-response-validators.js";
import { renderSchemaTypes } from "../../scripts/lib/render-schema-types.js";
import { createSpecValidators } from "../../scripts/lib/spec-ajv.js";

const vocabulary = JSON.parse(
  readFileSync(new URL("../fixtures/specs/vocabulary.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

describe("openApiSchemaToAjv (OpenAPI 3.0 Schema Object → Ajv strict mode)", () => {
  it.each<[string, object, object]>([
    ["nullable with a type", { type: "string", nullable: true }, { type: ["string", "null"] }],
    [
      "nullable with a type and an enum",
      { type: "string", enum: ["a"], nullable: true },
      { type: ["string", "null"], enum: ["a", null] },
    ],
    [
      "nullable beside allOf",
      { allOf: [{ $ref: "#/x" }], nullable: true },
      { anyOf: [{ allOf: [{ $ref: "#/x" }] }, { type: "null" }] },
    ],
    ["nullable beside $ref", { $ref: "#/x", nullable: true }, { anyOf: [{ $ref: "#/x" }, { type: "null" }] }],
    [
      "nullable beside oneOf",
      { oneOf: [{ type: "string" }], nullable: true },
      { anyOf: [{ oneOf: [{ type: "string" }] }, { type: "null" }] },
    ],
    [
      "nullable beside anyOf",
      { anyOf: [{ type: "string" }], nullable: true },
      { anyOf: [{ anyOf: [{ type: "string" }] }, { type: "null" }] },
    ],
    ["nullable with only an enum", { enum: ["a"], nullable: true }, { enum: ["a", null] }],
    ["nullable: false", { type: "string", nullable: false }, { type: "string" }],
    [
      "documentation-only keywords dropped",
      {
        type: "object",
        example: {},
        discriminator: { propertyName: "k" },
        xml: { name: "n" },
        externalDocs: { url: "u" },
        "x-codeSamples": [],
      },
      { type: "object" },
    ],
    [
      "annotations and constraints kept",
      { type: "string", deprecated: true, readOnly: true, writeOnly: false, pattern: "^a$", format: "anything" },
      { type: "string", deprecated: true, readOnly: true, writeOnly: false, pattern: "^a$", format: "anything" },
    ],
    [
      "nested in properties, items, additionalProperties, not; a property named `example` stays",
      {
        type: "object",
        properties: {
          example: { type: "string", example: "e" },
          list: { type: "array", items: { type: "integer", nullable: true } },
        },
        additionalProperties: { type: "string", "x-a": 1 },
        not: { type: "number", example: 1 },
      },
      {
        type: "object",
        properties: { example: { type: "string" }, list: { type: "array", items: { type: ["integer", "null"] } } },
        additionalProperties: { type: "string" },
        not: { type: "number" },
      },
    ],
  ])("%s", (_label, input, expected) => {
    const before = structuredClone(input);
    expect(openApiSchemaToAjv(input)).toEqual(expected);
    expect(input).toEqual(before);
  });

  it("the translated schemas compile in strict mode where the raw ones do not", () => {
    const raw = { allOf: [{ type: "object" }], nullable: true, example: {} };
    expect(() => new Ajv({ strict: true }).compile(raw)).toThrow();
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(openApiSchemaToAjv(raw) as object);
    expect([validate(null), validate({}), validate("s")]).toEqual([true, true, false]);
  });
});

describe("a spec using the whole OpenAPI 3.0 vocabulary", () => {
  it("compiles to validators that apply nullable, pattern, additionalProperties and oneOf", () => {
    const validator = createSpecValidators(vocabulary);
    const pet = validator("Pet");
    expect(pet({ kind: "cat", nickname: null, mood: null, owner: null, born: "whenever", tags: { a: "b" } })).toBe(
      true,
    );
    expect(pet({ kind: "cat", nickname: "UPPER" })).toBe(false);
    expect(pet({ kind: "dog", unknown: 1 })).toBe(false);
    expect(pet({ kind: "dog", best: null })).toBe(true);
    expect(pet({ kind: "cat", tags: { a: 1 } })).toBe(false);
  });

  it("renders the standalone response validators and the types", async () => {
    expect(renderResponseValidators(vocabulary)).toContain('"GET /pets/{id}"');
    const types = await renderSchemaTypes(vocabulary);
    expect(types).toMatch(/@deprecated[\s\S]*nickname\?: string \| null/);
  });
});
