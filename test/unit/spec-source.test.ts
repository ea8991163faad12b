import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatSpecJson, parseSpecSource } from "../../scripts/lib/spec-source.js";

// The provider's page as saved, and openapi.json as first vendored from it: frozen copies inside the repo.
const SEED = new URL("../fixtures/specs/provider-seed.md", import.meta.url);
const VENDORED = new URL("../fixtures/specs/base.json", import.meta.url);
const MINIMAL = { openapi: "3.0.1", info: { title: "t", version: "1" }, paths: {} };

describe("parseSpecSource", () => {
  it("reads plain JSON and plain YAML", () => {
    expect(parseSpecSource(JSON.stringify(MINIMAL), "spec.json")).toEqual(MINIMAL);
    expect(parseSpecSource("openapi: 3.0.1\ninfo:\n  title: t\n  version: '1'\npaths: {}\n", "spec.yaml")).toEqual(
      MINIMAL,
    );
  });

  it("reads the one OpenAPI document in a markdown file's fenced blocks, keeping quoted keys as strings", () => {
    const markdown = [
      "# Docs",
      "```json",
      '{"not": "a spec"}',
      "```",
      "````yaml /openapi.json GET /x",
      "openapi: 3.0.1",
      "info: {title: t, version: '1'}",
      "paths:",
      "  /x:",
      "    get:",
      "      responses:",
      "        '200': {description: ok}",
      "````",
    ].join("\n");
    const document = parseSpecSource(markdown, "doc.md") as unknown as {
      paths: Record<string, { get: { responses: object } }>;
    };
    expect(Object.keys(document.paths["/x"]?.get.responses ?? {})).toEqual(["200"]);
  });

  it.each([
    ["no OpenAPI document", "# just prose", /found 0/],
    ["a Swagger 2 document", "swagger: '2.0'\ninfo: {title: t, version: '1'}", /OpenAPI 3\.x/],
    ["duplicate keys", "openapi: 3.0.1\nopenapi: 3.0.2\n", /not valid YAML/],
  ])("rejects %s with a message naming the source", (_label, text, message) => {
    expect(() => parseSpecSource(text, "bad.yaml")).toThrow(message);
    expect(() => parseSpecSource(text, "bad.yaml")).toThrow(/^bad\.yaml: /);
  });

  it("formats as 2-space JSON with a trailing newline", () => {
    expect(formatSpecJson(MINIMAL)).toBe(`${JSON.stringify(MINIMAL, null, 2)}\n`);
  });

  it("the vendored base spec is exactly the provider's document from the seed page", () => {
    const fromSeed = formatSpecJson(parseSpecSource(readFileSync(SEED, "utf8"), "seed"));
    expect(readFileSync(VENDORED, "utf8")).toBe(fromSeed);
  });
});
