import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepoSnapshot, GIT_IDENTITY, type RepoSnapshot } from "../support/repo-snapshot.js";
import { runCommand } from "../../scripts/lib/run-command.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";
import { startVerdaccio, type LocalRegistry } from "../support/verdaccio.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NAME = "@internal/hyperbrowser-session-client";
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/specs/${name}`, import.meta.url));
const SESSION = {
  id: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
  status: "active",
  liveUrl: "https://live.example/1",
  region: "eu-west",
};

let registry: LocalRegistry;
let repo: RepoSnapshot;
let consumer: string;
let work: string;
let api: TestServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  registry = await startVerdaccio();
  console.log(`[release e2e] Verdaccio on ${registry.url} (started in ${Math.round(registry.startupMs)} ms)`);
  // The frozen base spec, never released: the fixtures below are written against it, whatever the real
  // repository's openapi.json and .release/ say by now.
  repo = await createRepoSnapshot({ frozenBase: true });
  work = await mkdtemp(join(tmpdir(), "release-e2e-"));
  consumer = join(work, "consumer");
  await mkdir(consumer);
  // One npm configuration for every npm run here: the local registry only, its token, a fresh cache.
  const npmrc = join(work, "npmrc");
  const host = registry.url.replace(/^http:/, "");
  await writeFile(
    npmrc,
    `registry=${registry.url}\n@internal:registry=${registry.url}\n${host}:_authToken=${registry.token}\n`,
  );
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  env = {
    ...inherited,
    ...GIT_IDENTITY,
    NPM_CONFIG_USERCONFIG: npmrc,
    npm_config_cache: join(work, "npm-cache"),
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
  };
  // The client's only runtime dependency must come from the local registry too: nothing leaves 127.0.0.1.
  for (const dependency of ["openapi-typescript-helpers", "openapi-fetch"]) {
    const published = await runCommand(
      "npm",
      ["publish", join(ROOT, "node_modules", dependency), "--ignore-scripts", "--registry", registry.url],
      { env, cwd: work, timeoutMs: 120_000 },
    );
    expect(published.code, published.stderr).toBe(0);
  }
  api = await startTestServer((_request, response) =>
    send(response, 200, JSON.stringify(SESSION), { "content-type": "application/json" }),
  );
}, 180_000);

afterAll(async () => {
  await api?.close();
  await registry?.close();
  await repo?.remove();
  if (work) await rm(work, { recursive: true, force: true });
});

const inRepo = (script: string, ...args: string[]) =>
  runCommand("npm", ["run", "-s", script, "--", ...args], { cwd: repo.dir, env, timeoutMs: 240_000 });
const inConsumer = (...args: string[]) => runCommand("npm", args, { cwd: consumer, env, timeoutMs: 240_000 });
const installedVersion = async () =>
  (JSON.parse(await readFile(join(consumer, "node_modules", NAME, "package.json"), "utf8")) as { version: string })
    .version;
const typecheck = (file: string) =>
  runCommand(
    process.execPath,
    [
      join(ROOT, "node_modules/typescript/bin/tsc"),
      "--noEmit",
      "--strict",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
      "--types",
      "node",
      "--typeRoots",
      join(ROOT, "node_modules/@types"),
      file,
    ],
    { cwd: consumer },
  );

describe("the life of a release, against a real registry (Verdaccio on 127.0.0.1)", () => {
  it("1.0.0: released and published; a consumer installs ^1.0.0, type-checks and calls a local server", async () => {
    // The prepublishOnly guard: with no internal registry configured, `npm publish` is refused.
    const publicNpmrc = join(work, "npmrc-public");
    await writeFile(publicNpmrc, `${registry.url.replace(/^http:/, "")}:_authToken=${registry.token}\n`);
    for (const flags of [["--registry", "https://registry.npmjs.org/"], []]) {
      const guarded = await runCommand("npm", ["publish", "--dry-run", ...flags], {
        cwd: repo.dir,
        env: { ...env, NPM_CONFIG_USERCONFIG: publicNpmrc },
      });
      expect(guarded.code).not.toBe(0);
      expect(guarded.stderr).toMatch(
        /Refusing to publish @internal\/hyperbrowser-session-client: (https:\/\/registry\.npmjs\.org\/ is the public npm registry|no registry is configured)/,
      );
    }

    const release = await inRepo("release", "--registry", registry.url);
    expect(release.stderr).toBe("");
    expect(release.code).toBe(0);
    expect(release.stdout).toContain("Release decision: 1.0.0 (first release)");
    expect(await repo.git("tag", "--list")).toBe("v1.0.0\n");
    expect(await repo.git("status", "--porcelain")).toBe("");

    await writeFile(
      join(consumer, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { [NAME]: "^1.0.0" } }),
    );
    const installed = await inConsumer("install");
    expect(installed.code, installed.stderr).toBe(0);
    expect(await installedVersion()).toBe("1.0.0");
    // Published from the script-free tarball: the consumer's npm finds no `prepare` to ask about.
    expect(
      (
        JSON.parse(await readFile(join(consumer, "node_modules", NAME, "package.json"), "utf8")) as {
          scripts?: unknown;
        }
      ).scripts,
    ).toBeUndefined();

    await writeFile(
      join(consumer, "lookup.ts"),
      `import { createHyperbrowserClient, CLIENT_VERSION, type SessionDetail } from "${NAME}";
const client = createHyperbrowserClient({ apiKey: "k", baseUrl: process.argv[2] });
const session: SessionDetail = await client.sessions.get("${SESSION.id}");
console.log(JSON.stringify({ version: CLIENT_VERSION, status: session.status, liveUrl: session.liveUrl }));
await client.close();
`,
    );
    const checked = await typecheck("lookup.ts");
    expect(checked.stdout + checked.stderr).toBe("");
    await writeFile(
      join(consumer, "lookup.mjs"),
      (await readFile(join(consumer, "lookup.ts"), "utf8"))
        .replace(", type SessionDetail", "")
        .replace(": SessionDetail", ""),
    );
    const ran = await runCommand(process.execPath, ["lookup.mjs", api.url], { cwd: consumer });
    expect(JSON.parse(ran.stdout)).toEqual({ version: "1.0.0", status: "active", liveUrl: SESSION.liveUrl });
    expect(api.requests.at(-1)?.headers["user-agent"]).toBe(
      `hyperbrowser-session-client/1.0.0 node/${process.versions.node}`,
    );
  }, 900_000);

  it("1.1.0: a new optional response field → minor; npm update gets it and the field type-checks", async () => {
    await writeFile(
      join(consumer, "region.ts"),
      `import type { SessionDetail } from "${NAME}";\nexport const region = (session: SessionDetail): string | ` +
        `undefined => session.region;\n`,
    );
    expect((await typecheck("region.ts")).stdout).toMatch(/Property 'region' does not exist/);

    const updated = await inRepo("spec:update", fixture("add-property.yaml"));
    expect(updated.code, updated.stderr).toBe(0);
    await repo.git("commit", "-qam", "Spec: add region");
    const release = await inRepo("release", "--registry", registry.url);
    expect(release.code, release.stderr).toBe(0);
    expect(release.stdout).toContain("Release decision: 1.1.0 (minor, from 1.0.0");
    expect(release.stdout).toMatch(
      /### Added\n- Spec: GET \/api\/session\/\{id\} → 200 application\/json: `region`: property added/,
    );

    const update = await inConsumer("update");
    expect(update.code, update.stderr).toBe(0);
    expect(await installedVersion()).toBe("1.1.0");
    const checked = await typecheck("region.ts");
    expect(checked.stdout + checked.stderr).toBe("");
  }, 900_000);

  it("2.0.0: a removed field needs --allow-major; with it, 2.0.0; the consumer on ^1 stays on 1.1.x", async () => {
    const updated = await inRepo("spec:update", fixture("remove-property.json"), "--allow-breaking");
    expect(updated.code, updated.stderr).toBe(0);
    await repo.git("commit", "-qam", "Spec: remove liveUrl");

    const refused = await inRepo("release", "--registry", registry.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refusing a major release (2.0.0) without --allow-major");
    expect(refused.stdout).toMatch(
      /✗ spec: GET \/api\/session\/\{id\} → 200 application\/json: `liveUrl`: property removed/,
    );
    expect(refused.stdout).toMatch(/✗ consumer fixture written against 1\.1\.0: .*Property 'liveUrl' does not exist/);
    expect(await repo.git("status", "--porcelain")).toBe("");
    expect(await repo.git("tag", "--list")).toBe("v1.0.0\nv1.1.0\n");

    const major = await inRepo("release", "--registry", registry.url, "--allow-major");
    expect(major.code, major.stderr).toBe(0);
    expect(major.stdout).toContain("Release decision: 2.0.0 (major, from 1.1.0");
    const changelog = await readFile(join(repo.dir, "CHANGELOG.md"), "utf8");
    expect(changelog).toMatch(
      /## \[2\.0\.0\] - \d{4}-\d{2}-\d{2}\n[\s\S]*### Breaking changes\n[\s\S]*`liveUrl`: property removed/,
    );
    expect(changelog.indexOf("## [2.0.0]")).toBeLessThan(changelog.indexOf("## [1.1.0]"));

    const view = await inConsumer("view", NAME, "versions", "--json");
    expect(JSON.parse(view.stdout)).toEqual(["1.0.0", "1.1.0", "2.0.0"]);
    const update = await inConsumer("update");
    expect(update.code, update.stderr).toBe(0);
    expect(await installedVersion()).toBe("1.1.0");
  }, 900_000);
});
