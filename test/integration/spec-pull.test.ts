import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../scripts/lib/free-port.js";
import { createTempProject, type TempProject } from "../support/temp-project.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/specs/${name}`, import.meta.url), "utf8");
// The frozen spec the fixtures were written against (written into the temp project), never the live openapi.json.
const VENDORED = fixture("base.json");
const CONTROL_SPEC = (() => {
  const spec = JSON.parse(VENDORED) as { paths: Record<string, unknown> };
  spec.paths["/api/session/{id}/\u001b[31mred\u001b[0m\rfake"] = spec.paths["/api/session/{id}"];
  return JSON.stringify(spec);
})();

// One local server serving each case at its own path, as the provider's page or document would be.
const PAGES: Record<string, [number, string, string]> = {
  "/unchanged.json": [200, VENDORED, "application/json"],
  "/unchanged.md": [200, fixture("provider-seed.md"), "text/markdown"],
  "/control.json": [200, CONTROL_SPEC, "application/json"],
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
    if (request.url === "/endless") {
      // An endless chunked body: only a streaming cap stops it.
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once("drain", pump);
      };
      response.once("close", () => response.removeAllListeners("drain"));
      return pump();
    }
    if (request.url === "/bomb")
      return sendBytes(response, 200, BOMB, { "content-type": "application/json", "content-encoding": "gzip" });
    if (request.url === "/gzipped.json")
      return sendBytes(response, 200, gzipSync(VENDORED), {
        "content-type": "application/json",
        "content-encoding": "gzip",
      });
    if (request.url === "/latin1.yaml")
      return sendBytes(
        response,
        200,
        Buffer.concat([Buffer.from(fixture("add-property.yaml")), Buffer.from([0xff, 0xfe])]),
        { "content-type": "application/yaml" },
      );
    if (request.url === "/moved") return send(response, 302, "", { location: "/add-property.yaml" });
    if (request.url === "/elsewhere")
      return send(response, 302, "", { location: `http://localhost:${new URL(server.url).port}/add-property.yaml` });
    const [status, body, type] = PAGES[request.url ?? ""] ?? [404, "", "text/plain"];
    send(response, status, body, { "content-type": type });
  });
  project = await createTempProject();
  await writeFile(join(project.dir, "openapi.json"), VENDORED);
});
afterAll(async () => {
  await server.close();
  await project.remove();
});
function sendBytes(response: ServerResponse, status: number, body: Buffer, headers: Record<string, string>): void {
  response.writeHead(status, { "content-length": body.length, ...headers });
  response.end(body);
}
// 64 MB of spaces, about 64 KB gzipped: the cap must apply to the decompressed size.
const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, 32));

const pull = (path: string, ...flags: string[]) =>
  project.runScript("scripts/spec-pull.ts", ["--url", `${server.url}${path}`, ...flags]);

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

  it.concurrent.for<[string, RegExp]>([
    ["/endless", /over the 5242880-byte limit \(on the wire\)/],
    ["/bomb", /over the 5242880-byte limit \(decompressed\)/],
    ["/latin1.yaml", /is not valid UTF-8; refused/],
    ["/elsewhere", /redirects to another origin \(http:\/\/localhost:\d+\); refused/],
  ])("%s → refused with exit 2, nothing written", { timeout: 60_000 }, async ([path, message], { expect }) => {
    const result = await pull(path, "--write");
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(await readFile(join(project.dir, "openapi.json"), "utf8")).toBe(VENDORED);
  });

  it.concurrent(
    "a same-origin redirect is followed and the report names the final URL; gzip is read",
    { timeout: 60_000 },
    async ({ expect }) => {
      const [moved, gzipped] = await Promise.all([pull("/moved"), pull("/gzipped.json")]);
      expect(moved.stdout).toContain(`redirected (same origin) to ${server.url}/add-property.yaml`);
      expect(moved.stdout).toContain(`→ ${server.url}/add-property.yaml (`);
      expect(moved.code).toBe(3);
      expect(gzipped.stdout).toMatch(/unchanged/);
      expect(gzipped.code).toBe(0);
    },
  );

  it.concurrent(
    "names from the spec are printed without control characters",
    { timeout: 60_000 },
    async ({ expect }) => {
      const result = await pull("/control.json");
      expect(result.stdout).toContain("/api/session/{id}/[31mred[0mfake");
      expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      expect(result.code).toBe(3);
    },
  );

  it("an unreachable URL → exit 2", async () => {
    const result = await project.runScript("scripts/spec-pull.ts", [
      "--url",
      `http://127.0.0.1:${await findFreePort()}/spec.json`,
    ]);
    expect(result.stderr).toMatch(/could not fetch the spec: .*ECONNREFUSED/);
    expect(result.code).toBe(2);
  }, 60_000);

  it(
    "--write vendors a non-breaking change (exit 3 still says what was found); a breaking one needs " +
      "--allow-breaking",
    async () => {
      const refused = await pull("/remove-property.json", "--write");
      expect(refused.code).toBe(1);
      expect(await readFile(join(project.dir, "openapi.json"), "utf8")).toBe(VENDORED);
      const written = await pull("/add-property.yaml", "--write");
      expect(written.code).toBe(3);
      expect(written.stdout).toContain("spec:pull: wrote openapi.json");
      expect(await readFile(join(project.dir, "generated/schema.d.ts"), "utf8")).toContain("region?: string");
    },
    60_000,
  );
});
