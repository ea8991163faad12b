import type { ChangeReport, ReportedChange } from "../spec-diff.js";
import type { ApiChange } from "./api-diff.js";

/** Everything the version decision is based on. */
export interface ReleaseInputs {
  /** package.json's version now. */
  currentVersion: string;
  /** The last release's version, or undefined before the first. */
  lastVersion: string | undefined;
  spec: ChangeReport | undefined;
  api: ApiChange[];
  /** tsc errors of the frozen consumer fixture against the new declarations. */
  fixtureErrors: string[];
}

/** The decision and its reasons. */
export interface ReleaseDecision {
  bump: "first" | "major" | "minor" | "patch";
  version: string;
  /** What breaks a consumer (empty unless major). */
  breaking: string[];
}

/** A spec change that adds something a consumer can use (an endpoint, a status, a field, a header). */
export function isAddition(change: ReportedChange): boolean {
  return (
    change.classification === "non-breaking" &&
    (/\.add$/.test(change.code ?? "") || /\badded\b/.test(change.description))
  );
}

/**
 * Decides the next version from what changed for a consumer: anything breaking (the spec report, a
 * removed or changed declaration, the frozen consumer no longer compiling) → major; an added field,
 * endpoint, export or option → minor; otherwise patch. The first release is 1.0.0.
 */
export function decideRelease(inputs: ReleaseInputs): ReleaseDecision {
  if (inputs.lastVersion === undefined) {
    const [major = 0] = parseVersion(inputs.currentVersion);
    return { bump: "first", version: major >= 1 ? inputs.currentVersion : "1.0.0", breaking: [] };
  }
  const breaking = [
    ...(inputs.spec?.changes ?? [])
      .filter((change) => change.classification === "breaking")
      .map((change) => `spec: ${change.where}: ${change.description}`),
    ...inputs.api
      .filter((change) => change.breaking)
      .map((change) => `API: \`${change.path}\` ${change.kind}${change.note ? ` (${change.note})` : ""}`),
    ...inputs.fixtureErrors.map((error) => `consumer fixture written against ${inputs.lastVersion}: ${error.trim()}`),
  ];
  const [major = 0, minor = 0, patch = 0] = parseVersion(inputs.lastVersion);
  if (breaking.length > 0) return { bump: "major", version: `${major + 1}.0.0`, breaking };
  const added = (inputs.spec?.changes ?? []).some(isAddition) || inputs.api.some((change) => change.kind === "added");
  if (added) return { bump: "minor", version: `${major}.${minor + 1}.0`, breaking };
  return { bump: "patch", version: `${major}.${minor}.${patch + 1}`, breaking };
}

function parseVersion(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`not a semantic version: ${JSON.stringify(version)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
