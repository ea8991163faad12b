import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/free-port.js";
import { createTempProject, type TempProject } from "../support/temp-project.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/specs/${name}`, import.meta.url), "utf8");
const VENDORED = readFileSync(new URL("../../openapi.json", import.meta.url), "utf8");

// One local server serving each case at its own path, as the provider's page or document would be.
const PAGES: Record<string, [number, string, string]> = {
  "/unchanged.json": [200, VENDORED, "application/json"],
  "/unchanged.md": [200, readFileSync(new URL("../../../shared/seed/000_0ca3cb8336c35dda.txt", import.meta.url), "utf8"), "text/markdown"],
  "/add-property.yaml": [200, fixture("add-property.yaml"), "application/yaml"],
  "/wrapped.md": [200, fixture("wrapped.md"), "text/markdown"],
  "/remove-property.json": [200, fixture("remove-property.json"), "application/json"],
  "/invalid.yaml": [200, fixture("invalid.yaml"), "application/yaml"],
  "/not-a-spec.html": [200, "<html><body>Maintenance</body></html>", "text/html"],
  "/gone": [404, "not found", "text/plain"],
};

let server: TestServer;
let project: TempProject;
beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const [status, body, type] = PAGES[request.url ?? ""] ?? [404, "", "text/plain"];
    send(response, status, body, { "content-type": type });
  });
  project = await createTempProject();
});
afterAll(async () => {
  await server.close();
  await project.remove();
});

const pull = (path: string, ...flags: string[]) => project.runScript("scripts/spec-pull.ts", ["--url", `${server.url}${path}`, ...flags]);

describe("npm run spec:pull -- --url <url> (exit codes for a scheduled job)", () => {
  // The read-only cases run side by side: each is a script start (about 2 s), not CPU work.
  it.concurrent.for<[string, number, RegExp]>([
    ["/unchanged.json", 0, /is the vendored openapi\.json, unchanged/],
    ["/unchanged.md", 0, /unchanged/],
    ["/add-property.yaml", 3, /non-breaking changes available/],
    ["/wrapped.md", 3, /`region`: property added/],
    ["/remove-property.json", 1, /BREAKING[\s\S]*openapi\.json left unchanged/],
  ])("%s → exit %i", { timeout: 60_000 }, async ([path, code, output], { expect }) => {
    const result = await pull(path);
    expect(result.stdout + result.stderr).toMatch(output);
    expect(result.code).toBe(code);
    expect(await readFile(join(project.dir, "openapi.json"), "utf8")).toBe(VENDORED);
  });

  it.concurrent.for<[string, RegExp]>([
    ["/invalid.yaml", /is not a valid OpenAPI 3\.0 document/],
    ["/not-a-spec.html", /expected exactly one OpenAPI 3\.x document/],
    ["/gone", /could not fetch the spec: .* answered 404/],
  ])("%s → exit 2 (invalid), nothing written", { timeout: 60_000 }, async ([path, message], { expect }) => {
    const result = await pull(path);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(await readFile(join(project.dir, "openapi.json"), "utf8")).toBe(VENDORED);
  });

  it("an unreachable URL → exit 2", async () => {
    const result = await project.runScript("scripts/spec-pull.ts", ["--url", `http://127.0.0.1:${await findFreePort()}/spec.json`]);
    expect(result.stderr).toMatch(/could not fetch the spec: .*ECONNREFUSED/);
    expect(result.code).toBe(2);
  }, 60_000);

  it("--write vendors a non-breaking change (exit 3 still says what was found); a breaking one needs --allow-breaking", async () => {
    const refused = await pull("/remove-property.json", "--write");
    expect(refused.code).toBe(1);
    expect(await readFile(join(project.dir, "openapi.json"), "utf8")).toBe(VENDORED);
    const written = await pull("/add-property.yaml", "--write");
    expect(written.code).toBe(3);
    expect(written.stdout).toContain("spec:pull: wrote openapi.json");
    expect(await readFile(join(project.dir, "generated/schema.d.ts"), "utf8")).toContain("region?: string");
  }, 60_000);
});
