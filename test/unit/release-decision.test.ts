import { describe, expect, it } from "vitest";
import type { ReportedChange } from "../../scripts/lib/spec-diff.js";
import { diffApiReports } from "../../scripts/lib/release/api-diff.js";
import { CHANGELOG_HEADER, prependEntry, renderChangelogEntry } from "../../scripts/lib/release/changelog.js";
import { decideRelease } from "../../scripts/lib/release/decide.js";
import { publicRegistryProblem } from "../../scripts/lib/release/registry-guard.js";

const report = (body: string) =>
  `## API Report File for "x"\n\n\`\`\`ts\n\nimport type { Client } from 'openapi-fetch';\n\n${body}\n\n\`\`\`\n`;
const BEFORE = report(`// @public
export interface CallOptions {
    deadlineMs?: number | undefined;
    timeoutMs?: number | undefined;
}

// @public (undocumented)
export interface components {
    // (undocumented)
    schemas: {
        SessionDetail: components["schemas"]["Session"] & {
            liveUrl?: string;
            token?: string;
        };
        Session: {
            status?: "active" | "closed";
        };
    };
}

// @public
export function createHyperbrowserClient(options?: CallOptions): void;

// @public
export const DEFAULT_TIMEOUT_MS = 30000;`);

describe("API report diff", () => {
  it("finds nothing between equal reports", () => {
    expect(diffApiReports(BEFORE, BEFORE)).toEqual([]);
  });

  it("an added export, an added optional option, an added response field → additions, not breaking", () => {
    const after = BEFORE.replace(
      "    timeoutMs?: number | undefined;\n",
      "    timeoutMs?: number | undefined;\n    maxRetries?: number | undefined;\n",
    )
      .replace("            token?: string;\n", "            token?: string;\n            region?: string;\n")
      .replace(
        "// @public\nexport const DEFAULT_TIMEOUT_MS",
        "// @public\nexport const DEFAULT_DEADLINE_MS = 60000;\n\n// @public\nexport const DEFAULT_TIMEOUT_MS",
      );
    expect(diffApiReports(BEFORE, after)).toEqual([
      { kind: "added", path: "CallOptions.maxRetries", breaking: false, note: undefined },
      { kind: "added", path: "components.schemas.SessionDetail.region", breaking: false, note: undefined },
      { kind: "added", path: "DEFAULT_DEADLINE_MS", breaking: false, note: undefined },
    ]);
  });

  it("a removed field, a changed type, a removed export, a required option → breaking", () => {
    const after = BEFORE.replace("            liveUrl?: string;\n", "")
      .replace('"active" | "closed"', '"active" | "closed" | "paused"')
      .replace("// @public\nexport const DEFAULT_TIMEOUT_MS = 30000;", "")
      .replace("    timeoutMs?: number | undefined;\n", "    timeoutMs?: number | undefined;\n    region: string;\n");
    const changes = diffApiReports(BEFORE, after);
    expect(changes.filter((change) => change.breaking).map((change) => `${change.kind} ${change.path}`)).toEqual([
      "added CallOptions.region",
      "removed components.schemas.SessionDetail.liveUrl",
      "changed components.schemas.Session.status",
      "removed DEFAULT_TIMEOUT_MS",
    ]);
  });
});

const change = (
  classification: ReportedChange["classification"],
  description: string,
  code?: string,
): ReportedChange => ({
  classification,
  description,
  where: "GET /api/session/{id} → 200 application/json",
  source: code ? "openapi-diff" : "schema detail",
  ...(code ? { code } : {}),
});
const spec = (...changes: ReportedChange[]) => ({
  changes,
  breaking: changes.some((entry) => entry.classification === "breaking"),
});

describe("release decision", () => {
  it("the first release is 1.0.0", () => {
    expect(
      decideRelease({ currentVersion: "0.1.0", lastVersion: undefined, spec: undefined, api: [], fixtureErrors: [] }),
    ).toEqual({ bump: "first", version: "1.0.0", breaking: [] });
  });

  it.each([
    ["a breaking spec change", spec(change("breaking", "`liveUrl`: property removed")), [], [], "major", "2.0.0"],
    [
      "a breaking API change",
      spec(),
      [{ kind: "removed" as const, path: "SPEC_INFO", breaking: true }],
      [],
      "major",
      "2.0.0",
    ],
    ["the consumer fixture no longer compiling", spec(), [], ["consumer.ts(3,1): error TS2339"], "major", "2.0.0"],
    [
      "an added field",
      spec(change("non-breaking", "`region`: property added (string, optional)")),
      [],
      [],
      "minor",
      "1.2.0",
    ],
    ["an added endpoint", spec(change("non-breaking", "path added", "path.add")), [], [], "minor", "1.2.0"],
    [
      "an added export",
      spec(),
      [{ kind: "added" as const, path: "DEFAULT_DEADLINE_MS", breaking: false }],
      [],
      "minor",
      "1.2.0",
    ],
    [
      "a narrowed response (non-breaking, nothing added)",
      spec(
        change(
          "non-breaking",
          "response body can no longer hold some values it could before",
          "response.body.scope.remove",
        ),
      ),
      [],
      [],
      "patch",
      "1.1.4",
    ],
    ["nothing", spec(), [], [], "patch", "1.1.4"],
  ])("%s → %s", (_label, specReport, api, fixtureErrors, bump, version) => {
    const decision = decideRelease({
      currentVersion: "1.1.3",
      lastVersion: "1.1.3",
      spec: specReport,
      api,
      fixtureErrors,
    });
    expect(decision).toMatchObject({ bump, version });
    expect(decision.breaking.length > 0).toBe(bump === "major");
  });
});

describe("CHANGELOG entry", () => {
  const before = { title: "Hyperbrowser API", version: "1.0.0", sha256: "a".repeat(64) };
  const after = { title: "Hyperbrowser API", version: "1.1.0", sha256: "b".repeat(64) };

  it("lists breaking changes first, then additions, then other changes (Keep a Changelog)", () => {
    const changes = [
      change("non-breaking", "`region`: property added (string, optional)"),
      change("breaking", "`liveUrl`: property removed"),
      change(
        "non-breaking",
        "response body can no longer hold some values it could before",
        "response.body.scope.remove",
      ),
    ];
    const entry = renderChangelogEntry({
      decision: { bump: "major", version: "2.0.0", breaking: [] },
      date: "2026-11-26",
      spec: { before, after, changes },
      api: [{ kind: "removed", path: "components.schemas.SessionDetail.liveUrl", breaking: true }],
      fixtureErrors: [],
    });
    expect(entry).toBe(
      `## [2.0.0] - 2026-11-26

Spec: Hyperbrowser API 1.0.0 (openapi.json sha256 aaaaaaaaaaaa) → Hyperbrowser API 1.1.0 (openapi.json sha256 ` +
        `bbbbbbbbbbbb).

### Breaking changes
- Spec: GET /api/session/{id} → 200 application/json: \`liveUrl\`: property removed [schema detail]
- API: \`components.schemas.SessionDetail.liveUrl\` removed

### Added
- Spec: GET /api/session/{id} → 200 application/json: \`region\`: property added (string, optional) [schema detail]

### Changed
- Spec: GET /api/session/{id} → 200 application/json: response body can no longer hold some values it could ` +
        `before [openapi-diff response.body.scope.remove]
`,
    );
    const changelog = prependEntry(prependEntry(undefined, "## [1.0.0] - 2026-11-01\n\nFirst release.\n"), entry);
    expect(changelog.startsWith(CHANGELOG_HEADER)).toBe(true);
    expect(changelog.indexOf("## [2.0.0]")).toBeLessThan(changelog.indexOf("## [1.0.0]"));
  });
});

describe("registry guard", () => {
  it.each([
    ["https://registry.npmjs.org/", /is the public npm registry/],
    ["https://registry.yarnpkg.com", /is the public npm registry/],
    [undefined, /no registry is configured/],
    ["undefined", /no registry is configured/],
    ["not a url", /is not a URL/],
  ])("refuses %j", (registry, problem) => {
    expect(publicRegistryProblem(registry, "@internal/x")).toMatch(problem);
  });

  it("allows an internal registry", () => {
    expect(publicRegistryProblem("https://npm.internal.example/", "@internal/x")).toBeUndefined();
  });
});
