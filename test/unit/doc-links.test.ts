import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { brokenLinks, headingAnchor } from "../support/doc-links.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("doc links", () => {
  it("every relative link of README.md, CONTRIBUTING.md, docs/*.md reaches a file and, with #, a heading", async () => {
    const pages = (await readdir(join(ROOT, "docs")))
      .filter((name) => name.endsWith(".md"))
      .map((name) => `docs/${name}`);
    const problems: string[] = [];
    for (const doc of ["README.md", "CONTRIBUTING.md", ...pages])
      problems.push(...brokenLinks(ROOT, doc, await readFile(join(ROOT, doc), "utf8")));
    expect(problems).toEqual([]);
  });

  it("reports a missing file and a missing anchor with document and line, and ignores links in code", async () => {
    const root = await mkdtemp(join(tmpdir(), "doc-links-"));
    try {
      await writeFile(
        join(root, "target.md"),
        "# Title\n\n## The provider's spec changes\n\n```sh\n# not a heading\n```\n",
      );
      const markdown = [
        "[ok](target.md#the-providers-spec-changes) [self](#intro) [web](https://example.com/x#y)",
        "# Intro",
        "[gone](missing.md)",
        "[bad anchor](target.md#not-a-heading)",
        "```md",
        "[in code](nowhere.md)",
        "```",
      ].join("\n");
      expect(brokenLinks(root, "doc.md", markdown)).toEqual([
        "doc.md:3: missing.md: no such file",
        "doc.md:4: target.md#not-a-heading: no heading with that anchor in target.md",
      ]);
      expect(brokenLinks(root, "doc.md", "[nowhere](#no-such-heading)")).toEqual([
        "doc.md:1: #no-such-heading: no heading with that anchor",
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("makes GitHub's anchors", () => {
    expect(headingAnchor("When the provider's spec changes")).toBe("when-the-providers-spec-changes");
    expect(headingAnchor("Pinned versions and why")).toBe("pinned-versions-and-why");
  });
});
