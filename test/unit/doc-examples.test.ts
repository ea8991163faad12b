import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractDocBlocks } from "../support/doc-blocks.js";
import { checkDocExamples, type MarkdownDocument } from "../support/doc-examples.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Compiling a block pulls in src/ and the types of openapi-fetch, msw and OpenTelemetry: seconds, not ms.
const COMPILE_TIMEOUT_MS = 180_000;

async function repositoryDocs(): Promise<MarkdownDocument[]> {
  const pages = (await readdir(`${ROOT}docs`)).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`);
  const paths = ["README.md", "CONTRIBUTING.md", ...pages];
  return Promise.all(paths.map(async (doc) => ({ doc, markdown: await readFile(`${ROOT}${doc}`, "utf8") })));
}

describe("doc examples", () => {
  it(
    "every ```ts block of README.md, CONTRIBUTING.md and docs/*.md type-checks with its imports",
    async () => {
      const documents = await repositoryDocs();
      const result = await checkDocExamples(ROOT, documents);
      expect(result.problems, result.problems.join("\n")).toEqual([]);
      // Every ts fence was compiled unless it opts out with a reason: nothing slips past the extractor.
      const fences = documents.flatMap(
        ({ markdown }) => markdown.match(/^ {0,3}(```|~~~)\s*(ts|typescript|tsx|mts|cts)\b/gim) ?? [],
      );
      expect(result.checked + result.skipped).toBe(fences.length);
      expect(result.checked).toBeGreaterThanOrEqual(8);
    },
    COMPILE_TIMEOUT_MS,
  );

  it(
    "a broken block fails with its document and line; the package name resolves to src/",
    async () => {
      const markdown = [
        "# Page", // 1
        "", // 2
        "```ts", // 3
        'import { createHyperbrowserClient } from "@internal/hyperbrowser-session-client";', // 4
        "const client = createHyperbrowserClient({ timeoutMs: 1000 });", // 5
        'export const ok: Promise<unknown> = client.sessions.get("id");', // 6
        "```", // 7
        "", // 8
        "```ts", // 9
        "const session = await hyperbrowser.sessions.get(id);", // 10: no imports, as the README had
        "```", // 11
        "", // 12
        "```ts", // 13
        'import { createHyperbrowserClient } from "@internal/hyperbrowser-session-client";', // 14
        "createHyperbrowserClient({ timeout: 5 });", // 15: a misspelled option
        "```", // 16
        "", // 17
        "```sh", // 18
        "this is not typescript and is not checked", // 19
        "```", // 20
      ].join("\n");
      const result = await checkDocExamples(ROOT, [{ doc: "docs/example.md", markdown }]);
      expect(result.checked).toBe(3);
      expect(result.problems).toHaveLength(3);
      expect(result.problems.filter((problem) => problem.startsWith("docs/example.md:10: TS2304"))).toHaveLength(2);
      expect(
        result.problems.some(
          (problem) => problem.startsWith("docs/example.md:15: TS2561") && problem.includes("timeout"),
        ),
      ).toBe(true);
    },
    COMPILE_TIMEOUT_MS,
  );

  it(
    "a block shown as a repository file must equal it",
    async () => {
      const shown = (path: string, code: string) =>
        [`<!-- file: ${path} -->`, "```ts", code.trimEnd(), "```", ""].join("\n");
      const service = "test/consumer-service/session-usability.ts";
      const tests = "test/consumer-service/session-usability.test.ts";
      const serviceCode = await readFile(`${ROOT}${service}`, "utf8");
      const edited = serviceCode.replace('reason: "failed"', 'reason: "closed"');
      expect(edited).not.toBe(serviceCode);
      const markdown = shown(service, edited) + shown(tests, await readFile(`${ROOT}${tests}`, "utf8"));
      const result = await checkDocExamples(ROOT, [{ doc: "a.md", markdown }]);
      expect(result.problems).toEqual([`a.md:2: differs from ${service}, which it shows`]);
    },
    COMPILE_TIMEOUT_MS,
  );
});

describe("extractDocBlocks", () => {
  it("takes ts blocks with their fence line, leaves other languages out", () => {
    const { blocks, problems } = extractDocBlocks(
      "d.md",
      ["```sh", "npm test", "```", "", "````typescript", "const a = 1;", "```", "````"].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(blocks).toEqual([{ doc: "d.md", fenceLine: 5, code: "const a = 1;\n```", sameAs: undefined }]);
  });

  it("an opt-out needs a reason and must sit right before a ts block", () => {
    const markdown = [
      "<!-- doc-examples: skip (needs a browser) -->", // 1: fine
      "```ts",
      "window.alert(1)",
      "```",
      "<!-- doc-examples: skip -->", // 5: no reason
      "```ts",
      "x",
      "```",
      "<!-- doc-examples: skip (shell) -->", // 9: before a sh block
      "```sh",
      "ls",
      "```",
      "<!-- doc-examples: skip (stray) -->", // 13: followed by prose
      "text",
    ].join("\n");
    const { blocks, skipped, problems } = extractDocBlocks("d.md", markdown);
    expect(blocks).toEqual([]);
    expect(skipped).toBe(1);
    expect(problems).toEqual([
      "d.md:5: a skip marker needs a reason: <!-- doc-examples: skip (why) -->",
      "d.md:9: marker before a `sh` block, which is never checked",
      "d.md:13: marker not followed by a code block",
    ]);
  });
});
