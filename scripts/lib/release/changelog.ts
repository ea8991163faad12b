import type { ReportedChange } from "../spec-diff.js";
import type { ApiChange } from "./api-diff.js";
import { isAddition, type ReleaseDecision } from "./decide.js";
import type { ReleaseRecord } from "./release-record.js";

/** What a CHANGELOG entry is written from. */
export interface ChangelogInputs {
  decision: ReleaseDecision;
  date: string;
  spec: { before: ReleaseRecord["spec"] | undefined; after: ReleaseRecord["spec"]; changes: ReportedChange[] };
  api: ApiChange[];
  fixtureErrors: string[];
}

export const CHANGELOG_HEADER = `# Changelog

All notable changes to this package are listed here, newest first. The format follows
[Keep a Changelog](https://keepachangelog.com/en/1.1.0/), and versions follow [Semantic Versioning](https://semver.org/):
\`npm run release\` decides them from what changed for a consumer (see CONTRIBUTING.md, "Releasing").
`;

const specLine = (change: ReportedChange) =>
  `- Spec: ${change.where}: ${change.description} [${change.code ? `${change.source} ${change.code}` : change.source}]`;
const apiLine = (change: ApiChange) =>
  `- API: \`${change.path}\` ${change.kind}${change.note ? ` (${change.note})` : ""}`;
const specName = (spec: ReleaseRecord["spec"]) =>
  `${spec.title} ${spec.version} (openapi.json sha256 ${spec.sha256.slice(0, 12)})`;

/** A Keep a Changelog entry: breaking changes first, then additions, then other changes. */
export function renderChangelogEntry(inputs: ChangelogInputs): string {
  const { decision, spec } = inputs;
  const lines = [`## [${decision.version}] - ${inputs.date}`, ""];
  if (decision.bump === "first") {
    lines.push(`First release, generated from ${specName(spec.after)}.`);
    return `${lines.join("\n")}\n`;
  }
  const sameSpec = spec.before?.sha256 === spec.after.sha256;
  lines.push(
    sameSpec
      ? `Spec unchanged: ${specName(spec.after)}.`
      : `Spec: ${spec.before ? specName(spec.before) : "none"} → ${specName(spec.after)}.`,
  );
  const sections: [string, string[]][] = [
    [
      "### Breaking changes",
      [
        ...spec.changes.filter((change) => change.classification === "breaking").map(specLine),
        ...inputs.api.filter((change) => change.breaking).map(apiLine),
        ...inputs.fixtureErrors.map(
          (error) => `- Consumer code written against the previous release no longer compiles: ${error.trim()}`,
        ),
      ],
    ],
    [
      "### Added",
      [
        ...spec.changes.filter(isAddition).map(specLine),
        ...inputs.api.filter((change) => change.kind === "added" && !change.breaking).map(apiLine),
      ],
    ],
    [
      "### Changed",
      spec.changes
        .filter(
          (change) => change.classification !== "breaking" && change.source !== "deprecation" && !isAddition(change),
        )
        .map(specLine),
    ],
    ["### Deprecated", spec.changes.filter((change) => change.source === "deprecation").map(specLine)],
  ];
  for (const [heading, entries] of sections) if (entries.length > 0) lines.push("", heading, ...entries);
  if (sections.every(([, entries]) => entries.length === 0)) lines.push("", "No change to the spec or the public API.");
  return `${lines.join("\n")}\n`;
}

/** The changelog with a new entry on top (under the header), creating it when there is none. */
export function prependEntry(changelog: string | undefined, entry: string): string {
  const body =
    changelog === undefined
      ? ""
      : changelog.startsWith(CHANGELOG_HEADER)
        ? changelog.slice(CHANGELOG_HEADER.length).replace(/^\n+/, "")
        : changelog;
  return `${CHANGELOG_HEADER}\n${entry}${body ? `\n${body}` : ""}`;
}
