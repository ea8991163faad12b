import { printable } from "./printable.js";
import type { ChangeReport, ReportedChange } from "./spec-diff.js";

const SECTIONS: [(change: ReportedChange) => boolean, string, string][] = [
  [(change) => change.classification === "breaking", "Breaking for clients", "✗"],
  [(change) => change.classification === "non-breaking" && change.source !== "deprecation", "Non-breaking", "✓"],
  [(change) => change.source === "deprecation", "Deprecated (not breaking; still works, going away)", "!"],
  [(change) => change.classification === "unclassified", "Unclassified (review by hand)", "?"],
];

/** The change report as text, one line a change, grouped by classification. */
export function formatChangeReport(report: ChangeReport, title: string): string {
  const lines = [printable(title)];
  if (report.changes.length === 0) return [...lines, "No changes."].join("\n");
  for (const [belongs, heading, mark] of SECTIONS) {
    const changes = report.changes.filter(belongs);
    if (changes.length === 0) continue;
    lines.push("", `${heading} (${changes.length}):`);
    for (const change of changes) {
      const tag = change.code ? `${change.source} ${change.code}` : change.source;
      lines.push(`  ${mark} ${printable(change.where)}: ${printable(change.description)}  [${tag}]`);
    }
  }
  const count = (source: string, classification: string) =>
    report.changes.filter((change) => change.source === source && change.classification === classification).length;
  lines.push(
    "",
    `Verdict: ${report.breaking ? "BREAKING" : "not breaking"} ` +
      `(openapi-diff: ${count("openapi-diff", "breaking")} breaking, ` +
      `${count("openapi-diff", "non-breaking")} non-breaking, ${count("openapi-diff", "unclassified")} unclassified; ` +
      `parameter check: ${count("parameter check", "breaking")} breaking; ` +
      `schema detail: ${count("schema detail", "breaking")} breaking)`,
  );
  return lines.join("\n");
}
