import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packTarball } from "../../scripts/lib/pack-tarball.js";
import { runCommand } from "../../scripts/lib/run-command.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const NAME = "@internal/hyperbrowser-session-client";
const SESSION = { id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active" };
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

let consumer: string;
let server: TestServer;
/** dist/ files the other test files run (cli.test.ts runs dist/cli.js), as they were before and after packing. */
const DIST_FILES = ["dist/cli.js", "dist/index.js", "dist/index.cjs"];
const distStamps = () =>
  Promise.all(DIST_FILES.map(async (file) => `${file} ${(await stat(join(ROOT, file))).mtimeMs}`));
let distBefore: string[];
let distAfter: string[];

beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist/index.js")))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  consumer = await mkdtemp(join(tmpdir(), "hyperbrowser-consumer-"));
  // Packed without scripts: a `prepare` would rebuild dist/ while other test files run dist/cli.js.
  distBefore = await distStamps();
  const tarball = basename(await packTarball(ROOT, consumer));
  distAfter = await distStamps();
  await writeFile(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  const installed = await runCommand(NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline", `./${tarball}`], {
    cwd: consumer,
    timeoutMs: 180_000,
  });
  expect(installed.code, installed.stderr).toBe(0);
  server = await startTestServer((request, response) =>
    request.url?.endsWith("/missing")
      ? send(response, 404, JSON.stringify({ message: "Session not found" }), { "content-type": "application/json" })
      : send(response, 200, JSON.stringify(SESSION), { "content-type": "application/json" }),
  );
}, 240_000);

afterAll(async () => {
  await server?.close();
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

const program = (load: string) =>
  `${load}
const client = createHyperbrowserClient({ apiKey: "k", baseUrl: process.argv[2] });
const session = await client.sessions.get("${SESSION.id}");
const missing = await client.sessions.get("missing").catch((error) => error);
console.log(JSON.stringify({ session, notFound: missing instanceof HyperbrowserNotFoundError, guard: ` +
  `isHyperbrowserNotFoundError(missing) }));
`;

describe("the packed tarball, installed in a fresh project", () => {
  it("packing it did not rewrite dist/ (other test files run it meanwhile)", () => {
    expect(distAfter).toEqual(distBefore);
  });

  it("works from ESM", async () => {
    await writeFile(
      join(consumer, "esm.mjs"),
      program(
        `import { createHyperbrowserClient, HyperbrowserNotFoundError, isHyperbrowserNotFoundError } from "${NAME}";`,
      ),
    );
    const result = await runCommand(process.execPath, ["esm.mjs", server.url], { cwd: consumer });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ session: SESSION, notFound: true, guard: true });
  });

  it("works from CommonJS", async () => {
    await writeFile(
      join(consumer, "cjs.cjs"),
      `(async () => {\n${program(
        "const { createHyperbrowserClient, HyperbrowserNotFoundError, isHyperbrowserNotFoundError } = " +
          `require("${NAME}");`,
      )}\n})();`,
    );
    const result = await runCommand(process.execPath, ["cjs.cjs", server.url], { cwd: consumer });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ session: SESSION, notFound: true, guard: true });
  });

  it(
    "the installed manifest carries no script for the consumer's npm to run (prepare builds git installs " + "only)",
    async () => {
      const manifest = JSON.parse(await readFile(join(consumer, "node_modules", NAME, "package.json"), "utf8")) as {
        scripts?: unknown;
      };
      expect(manifest.scripts).toBeUndefined();
    },
  );

  it("the main entry loads neither the testing kit nor msw", async () => {
    const script =
      `require("${NAME}"); console.log(JSON.stringify(Object.keys(require.cache).filter((file) => ` +
      `/testing|msw/.test(file))));`;
    const result = await runCommand(process.execPath, ["-e", script], { cwd: consumer });
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it(
    "without @opentelemetry/api installed: calls work, nothing of OpenTelemetry loads, and asking for telemetry " +
      "says what to install",
    async () => {
      const script =
        `const { createHyperbrowserClient } = require("${NAME}");
(async () => {
  const client = createHyperbrowserClient({ apiKey: "k", baseUrl: process.argv[1] });
  const session = await client.sessions.get("s");
  let refusal;
  try { createHyperbrowserClient({ apiKey: "k", telemetry: {} }); } catch (error) { refusal = error.message; }
  console.log(JSON.stringify({ status: session.status, loaded: Object.keys(require.cache).filter((file) => ` +
        `file.includes("opentelemetry")), refusal }));
  await client.close();
})();`;
      const result = await runCommand(process.execPath, ["-e", script, server.url], { cwd: consumer });
      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout)).toEqual({
        status: "active",
        loaded: [],
        refusal: expect.stringMatching(/`telemetry` needs @opentelemetry\/api; install it/),
      });
    },
  );

  it("validateResponses loads the separately shipped validators from both formats", async () => {
    const code = (load: string) => `${load}
const client = createHyperbrowserClient({ apiKey: "k", baseUrl: process.argv[2], validateResponses: "throw" });
client.sessions.get("x").then((session) => console.log(session.status));`;
    await writeFile(join(consumer, "validate.mjs"), code(`import { createHyperbrowserClient } from "${NAME}";`));
    await writeFile(join(consumer, "validate.cjs"), code(`const { createHyperbrowserClient } = require("${NAME}");`));
    for (const file of ["validate.mjs", "validate.cjs"]) {
      const result = await runCommand(process.execPath, [file, server.url], { cwd: consumer });
      expect(result.stderr, file).toBe("");
      expect(result.stdout.trim(), file).toBe("active");
    }
  });

  it("type-checks without @types/node and without lib esnext (target es2022), with skipLibCheck false", async () => {
    await writeFile(
      join(consumer, "bare.mts"),
      `import { createHyperbrowserClient } from "${NAME}";\nexport const client = createHyperbrowserClient({ ` +
        `apiKey: "k" });\n`,
    );
    await writeFile(
      join(consumer, "tsconfig.bare.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ["bare.mts"],
      }),
    );
    const result = await runCommand(
      process.execPath,
      [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.bare.json"],
      { cwd: consumer },
    );
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("type-checks from ESM and CommonJS TypeScript (module nodenext)", async () => {
    const use = `const client = createHyperbrowserClient({ apiKey: "k" });
export async function status(id: string): Promise<"active" | "closed" | "error" | undefined> {
  const session: SessionDetail = await client.sessions.get(id);
  return session.status;
}
// @ts-expect-error: not a path of the spec
void client.raw.GET("/nope");`;
    await writeFile(
      join(consumer, "use.mts"),
      `import { createHyperbrowserClient, type SessionDetail } from "${NAME}";\n${use}`,
    );
    await writeFile(
      join(consumer, "use.cts"),
      `import { createHyperbrowserClient, type SessionDetail } from "${NAME}";\n${use}`,
    );
    await writeFile(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ["use.mts", "use.cts"],
      }),
    );
    const result = await runCommand(
      process.execPath,
      [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"],
      { cwd: consumer },
    );
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it(
    "the sample consuming service's tests pass against the installed tarball and /testing, as ESM and CommonJS, " +
      "typed (node:test)",
    async () => {
      const sources = ["session-usability", "session-usability.test"];
      const files: string[] = [];
      for (const [extension, relative] of [
        ["mts", ".mjs"],
        ["cts", ".cjs"],
      ] as const) {
        for (const source of sources) {
          const text = await readFile(join(ROOT, "test/consumer-service", `${source}.ts`), "utf8");
          await writeFile(
            join(consumer, `${source}.${extension}`),
            text.replace('from "./session-usability.js"', `from "./session-usability${relative}"`),
          );
          files.push(`${source}.${extension}`);
        }
      }
      await writeFile(
        join(consumer, "tsconfig.service.json"),
        JSON.stringify({
          compilerOptions: {
            module: "nodenext",
            moduleResolution: "nodenext",
            target: "es2022",
            lib: ["es2023", "esnext.disposable"],
            strict: true,
            skipLibCheck: false,
            outDir: "service-out",
            typeRoots: [join(ROOT, "node_modules/@types")],
            types: ["node"],
          },
          files,
        }),
      );
      const compiled = await runCommand(
        process.execPath,
        [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.service.json"],
        { cwd: consumer },
      );
      expect(compiled.stdout + compiled.stderr).toBe("");
      // TAP on every Node version (Node 23+ prints its "spec" format by default, also to a pipe).
      const tested = await runCommand(
        process.execPath,
        [
          "--test",
          "--test-reporter=tap",
          "service-out/session-usability.test.mjs",
          "service-out/session-usability.test.cjs",
        ],
        { cwd: consumer },
      );
      expect(tested.stdout, tested.stderr).toMatch(/^# pass 10$/m);
      expect(tested.stdout).toMatch(/^# fail 0$/m);
      expect(tested.code).toBe(0);
    },
  );

  it("hyperbrowser-session get --mock works from the installed package, with the in-memory mock", async () => {
    const bin = join(consumer, "node_modules/.bin/hyperbrowser-session");
    const found = await runCommand(bin, ["get", "497f6eca-6276-4993-bfeb-53cbbbba6f08", "--mock"], {
      cwd: consumer,
      env: { ...process.env, HYPERBROWSER_API_KEY: "" },
    });
    expect(found.stderr).toMatch(/^mock: the in-memory mock \(key "mock-api-key"\); it knows 497f6eca-/);
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(/^Status +active$/m);
    const missing = await runCommand(bin, ["get", "unknown", "--mock"], {
      cwd: consumer,
      env: { ...process.env, HYPERBROWSER_API_KEY: "" },
    });
    expect(missing.code).toBe(3);
  });

  it("installs the hyperbrowser-session binary", async () => {
    const result = await runCommand(
      join(consumer, "node_modules/.bin/hyperbrowser-session"),
      ["get", SESSION.id, "--base-url", server.url, "--json"],
      {
        cwd: consumer,
        env: { ...process.env, HYPERBROWSER_API_KEY: "k" },
      },
    );
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(SESSION);
  });
});
