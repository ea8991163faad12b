/**
 * Releases the package with a version decided by what changed for a consumer since the last release
 * (recorded in .release/): the spec change report (as spec:update prints it), the public API report
 * (API Extractor) and the frozen consumer fixture compiled against the new declarations.
 *
 * Usage: npm run release -- [--dry-run] [--allow-major] [--registry <url>] [--scope <@scope>]
 *   --dry-run      print the decision and the CHANGELOG entry; write nothing
 *   --allow-major  accept a major release (without it a breaking change is refused, listing what breaks)
 *   --registry     publish there after writing the release (never the public npm registry)
 *   --scope        publish under another scope (`@acme/hyperbrowser-session-client`); written to package.json
 * Writes package.json's version, src/version.ts, CHANGELOG.md and .release/, commits them and tags vX.Y.Z.
 * Exit codes: 0 released (or dry run), 1 refused or failed, 2 usage error.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { packTarball } from "./lib/pack-tarball.js";
import { ROOT, SPEC_PATH } from "./lib/paths.js";
import { runCommand } from "./lib/run-command.js";
import { diffSpecs } from "./lib/spec-diff.js";
import { diffApiReports, type ApiChange } from "./lib/release/api-diff.js";
import { apiReport } from "./lib/release/api-report.js";
import { prependEntry, renderChangelogEntry } from "./lib/release/changelog.js";
import { compileConsumerFixture } from "./lib/release/consumer-fixture.js";
import { decideRelease } from "./lib/release/decide.js";
import { git, tagExists, uncommitted } from "./lib/release/git.js";
import { publicRegistryProblem, refusalMessage } from "./lib/release/registry-guard.js";
import { readLastRelease, specSummary, writeRelease } from "./lib/release/release-record.js";

// Building and publishing can take minutes on a loaded machine; other commands get run-command's default.
const BUILD_TIMEOUT_MS = 600_000;

const USAGE = "usage: npm run release -- [--dry-run] [--allow-major] [--registry <url>] [--scope <@scope>]";
let options: {
  "dry-run"?: boolean | undefined;
  "allow-major"?: boolean | undefined;
  registry?: string | undefined;
  scope?: string | undefined;
};
try {
  options = parseArgs({
    options: {
      "dry-run": { type: "boolean" },
      "allow-major": { type: "boolean" },
      registry: { type: "string" },
      scope: { type: "string" },
    },
  }).values;
  if (options.scope !== undefined && !/^@[a-z0-9][a-z0-9._-]*$/.test(options.scope))
    throw new Error(`--scope must look like @acme, got ${JSON.stringify(options.scope)}`);
  if (options.registry !== undefined) new URL(options.registry);
} catch (error) {
  console.error(`release: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const dryRun = options["dry-run"] === true;
const fail = (message: string): never => {
  console.error(`release: ${message}`);
  process.exit(1);
};

const packagePath = join(ROOT, "package.json");
const manifest = JSON.parse(await readFile(packagePath, "utf8")) as { name: string; version: string };
const name = options.scope ? `${options.scope}/${manifest.name.split("/").pop()}` : manifest.name;
if (options.registry) {
  const problem = publicRegistryProblem(options.registry, name);
  if (problem) fail(refusalMessage(problem, name));
}
if (!dryRun) {
  const dirty = await uncommitted(ROOT);
  if (dirty.length > 0)
    fail(`the working tree has uncommitted changes; a release tags what is committed:\n${dirty.join("\n")}`);
}

// What a consumer would get: build, then read the public surface from the emitted declarations.
const build = await runCommand(process.execPath, ["--import", "./scripts/register-ts-node.mjs", "scripts/build.ts"], {
  cwd: ROOT,
  timeoutMs: BUILD_TIMEOUT_MS,
});
if (build.code !== 0) fail(`the build failed:\n${build.stdout}${build.stderr}`);
const specText = await readFile(SPEC_PATH, "utf8");
const newApiReport = await apiReport(ROOT);
const last = await readLastRelease(ROOT);
const spec = last
  ? await diffSpecs(
      JSON.parse(last.specText) as Record<string, unknown>,
      JSON.parse(specText) as Record<string, unknown>,
    )
  : undefined;
const api: ApiChange[] = last ? diffApiReports(last.apiReport, newApiReport) : [];
const fixtureErrors = last ? await compileConsumerFixture(ROOT) : [];
const decision = decideRelease({
  currentVersion: manifest.version,
  lastVersion: last?.record.version,
  spec,
  api,
  fixtureErrors,
});
const date = new Date().toISOString().slice(0, 10);
const entry = renderChangelogEntry({
  decision,
  date,
  spec: { before: last?.record.spec, after: specSummary(specText), changes: spec?.changes ?? [] },
  api,
  fixtureErrors,
});

const from = last ? `${last.record.version} (${last.record.date})` : "no release yet";
console.log(
  `Release decision: ${decision.version} ` +
    `(${decision.bump === "first" ? "first release" : `${decision.bump}, from ${from}`})`,
);
if (decision.bump === "major")
  console.log(`Breaking for consumers:\n${decision.breaking.map((line) => `  ✗ ${line}`).join("\n")}`);
console.log(`\nCHANGELOG.md entry:\n\n${entry}`);

if (decision.bump === "major" && !options["allow-major"]) {
  fail(
    `refusing a major release (${decision.version}) without --allow-major: the changes above break ` +
      `consumers.${dryRun ? "" : " Nothing was written."}`,
  );
}
if (dryRun) {
  console.log("release: dry run, nothing written.");
  process.exit(0);
}

const tag = `v${decision.version}`;
if (await tagExists(ROOT, tag)) fail(`tag ${tag} already exists`);
const changelogPath = join(ROOT, "CHANGELOG.md");
const written = ["package.json", "package-lock.json", "src/version.ts", "CHANGELOG.md"];
try {
  await writeFile(
    packagePath,
    JSON.stringify({ ...JSON.parse(await readFile(packagePath, "utf8")), name, version: decision.version }, null, 2) +
      "\n",
  );
  const lockPath = join(ROOT, "package-lock.json");
  const lock = JSON.parse(await readFile(lockPath, "utf8")) as {
    name: string;
    version: string;
    packages: Record<string, { name?: string; version?: string }>;
  };
  const rootEntry = lock.packages[""] ?? {};
  await writeFile(
    lockPath,
    JSON.stringify(
      {
        ...lock,
        name,
        version: decision.version,
        packages: { ...lock.packages, "": { ...rootEntry, name, version: decision.version } },
      },
      null,
      2,
    ) + "\n",
  );
  const versionFile = join(ROOT, "src/version.ts");
  await writeFile(
    versionFile,
    (await readFile(versionFile, "utf8")).replace(
      /CLIENT_VERSION: string = "[^"]*"/,
      `CLIENT_VERSION: string = "${decision.version}"`,
    ),
  );
  await writeFile(changelogPath, prependEntry(await readFile(changelogPath, "utf8").catch(() => undefined), entry));
  written.push(...(await writeRelease(ROOT, { version: decision.version, date, specText, apiReport: newApiReport })));
  if (options.registry) {
    // npm picks `@scope:registry` before `registry` for a scoped package: set both on the command line,
    // so the package goes where asked whatever .npmrc says (the prepublishOnly guard checks again).
    const scope = name.split("/")[0] as string;
    // Built again (src/version.ts holds the new version now), then published as the tarball whose manifest
    // has no scripts: `prepare` is for git installs only. The registry was checked above.
    const rebuilt = await runCommand(
      process.execPath,
      ["--import", "./scripts/register-ts-node.mjs", "scripts/build.ts"],
      { cwd: ROOT, timeoutMs: BUILD_TIMEOUT_MS },
    );
    if (rebuilt.code !== 0) throw new Error(`the build failed:\n${rebuilt.stdout}${rebuilt.stderr}`);
    const packDir = await mkdtemp(join(tmpdir(), "hyperbrowser-release-"));
    const tarball = await packTarball(ROOT, packDir);
    const published = await runCommand(
      "npm",
      ["publish", tarball, "--registry", options.registry, `--${scope}:registry=${options.registry}`],
      { cwd: ROOT, timeoutMs: BUILD_TIMEOUT_MS },
    );
    await rm(packDir, { recursive: true, force: true });
    if (published.code !== 0) throw new Error(`npm publish failed:\n${published.stdout}${published.stderr}`);
    console.log(`release: published ${name}@${decision.version} to ${options.registry}`);
  }
} catch (error) {
  // The tree was clean before: put it back as it was, so no half-written release is left.
  await git(ROOT, ["checkout", "--", "."]).catch(() => undefined);
  await git(ROOT, ["clean", "-fdq", "--", ...written]).catch(() => undefined);
  fail((error as Error).message);
}
await git(ROOT, ["add", "--", ...written]);
await git(ROOT, ["commit", "-q", "-m", `Release ${tag}`]);
await git(ROOT, ["tag", "-a", tag, "-m", `Release ${tag}\n\n${entry}`]);
console.log(`release: ${tag} committed and tagged (push with: git push --follow-tags)`);
