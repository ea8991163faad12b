import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpecSource } from "../../scripts/lib/spec-source.js";
import { declaredPairs, taggedPairs } from "../support/contract-coverage.js";

const CONTRACT_DIR = new URL("../contract/", import.meta.url);
const readSpec = (url: URL) => parseSpecSource(readFileSync(url, "utf8"), url.pathname);
const contractSources = readdirSync(CONTRACT_DIR)
  .filter((name) => name.endsWith(".test.ts"))
  .map((name) => readFileSync(new URL(name, CONTRACT_DIR), "utf8"));

describe("contract coverage", () => {
  it("every (operation × declared status) of openapi.json has a contract test tagged with it", () => {
    const pairs = declaredPairs(readSpec(new URL("../../openapi.json", import.meta.url)));
    expect(pairs).toEqual(["GET /api/session/{id} 200", "GET /api/session/{id} 404"]);
    const covered = taggedPairs(contractSources);
    expect(pairs.filter((pair) => !covered.has(pair))).toEqual([]);
  });

  it("a spec that adds an endpoint is caught until its statuses are covered", () => {
    const pairs = declaredPairs(readSpec(new URL("../fixtures/specs/add-endpoint.json", import.meta.url)));
    const covered = taggedPairs(contractSources);
    expect(pairs.filter((pair) => !covered.has(pair))).toEqual(["GET /api/session/{id}/recording 200", "GET /api/session/{id}/recording 404"]);
  });
});
