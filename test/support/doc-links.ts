/**
 * Checks the relative links of markdown documents: the file exists and, with a `#fragment`, the target
 * document has a heading with that GitHub anchor. External links (with a scheme) are not followed.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

const LINK = /\[[^\]]*\]\(([^)\s]+)\)/g;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, "");
  return new Set([...withoutCode.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => headingAnchor(match[1] ?? "")));
}

/** Broken links of `doc` (a path relative to `root`), as `doc:line: message`. */
export function brokenLinks(root: string, doc: string, markdown: string): string[] {
  const problems: string[] = [];
  let inCode = false;
  markdown.split("\n").forEach((line, index) => {
    if (/^ {0,3}(```|~~~)/.test(line)) inCode = !inCode;
    if (inCode) return;
    for (const [, target = ""] of line.matchAll(LINK)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path = "", fragment] = target.split("#", 2);
      const where = `${doc}:${index + 1}`;
      if (path === "") {
        if (fragment && !anchorsOf(markdown).has(fragment))
          problems.push(`${where}: ${target}: no heading with that anchor`);
        continue;
      }
      const file = normalize(join(dirname(doc), path));
      if (!existsSync(join(root, file))) {
        problems.push(`${where}: ${target}: no such file`);
        continue;
      }
      if (fragment && file.endsWith(".md") && !anchorsOf(readFileSync(join(root, file), "utf8")).has(fragment)) {
        problems.push(`${where}: ${target}: no heading with that anchor in ${file}`);
      }
    }
  });
  return problems;
}
