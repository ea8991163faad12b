import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The layer rules of src/, read from the import statements themselves (type-only imports included).
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const srcDir = join(root, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Each src file (repository-relative) with the src files it imports, statically or with `import()`. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => relative(root, resolve(dirname(file), specifier.replace(/\.js$/, ".ts"))))
      .filter((target) => target.startsWith("src/"));
    graph.set(relative(root, file), targets);
  }
  return graph;
}

function violations(graph: Map<string, string[]>, from: string, to: readonly string[]): string[] {
  return [...graph].flatMap(([file, targets]) =>
    file.startsWith(from)
      ? targets
          .filter((target) => to.some((folder) => target.startsWith(folder)))
          .map((target) => `${file} -> ${target}`)
      : [],
  );
}

/** Every import cycle, each as the files along it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === "open") found.push([...stack.slice(stack.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("layering of src/", () => {
  const graph = importGraph();

  it("reads the imports it checks", () => {
    // A parser that found nothing would pass every rule below.
    expect(graph.get("src/client.ts")).toContain("src/client-options.ts");
    expect(graph.get("src/http/transport.ts")?.length).toBeGreaterThan(3);
  });

  it("http/ imports nothing from telemetry/ or logging/", () => {
    expect(violations(graph, "src/http/", ["src/telemetry/", "src/logging/"])).toEqual([]);
  });

  it("logging/ and telemetry/ do not import each other", () => {
    expect(violations(graph, "src/logging/", ["src/telemetry/"])).toEqual([]);
    expect(violations(graph, "src/telemetry/", ["src/logging/"])).toEqual([]);
  });

  it("no layer below the client imports client-options.ts (cli/ is an application on top)", () => {
    const below = [...graph].flatMap(([file, targets]) =>
      file.split("/").length > 2 && !file.startsWith("src/cli/") && targets.includes("src/client-options.ts")
        ? [file]
        : [],
    );
    expect(below).toEqual([]);
  });

  it("internal/ imports only internal/", () => {
    expect(
      violations(graph, "src/internal/", ["src/"]).filter(
        (edge) => !edge.split(" -> ")[1]?.startsWith("src/internal/"),
      ),
    ).toEqual([]);
  });

  it("has no import cycle, type-only imports included", () => {
    expect(cycles(graph)).toEqual([]);
  });
});

describe("one home per shared concern", () => {
  const files = sourceFiles(srcDir).map((file) => ({ path: relative(root, file), text: readFileSync(file, "utf8") }));
  const homesOf = (pattern: RegExp) => files.filter(({ text }) => pattern.test(text)).map(({ path }) => path);

  it.each([
    ["the getBuiltinModule probe", /\.getBuiltinModule\b/, "src/internal/builtin-module.ts"],
    ["the User-Agent product token", /hyperbrowser-session-client\/\$\{/, "src/internal/user-agent.ts"],
    ["originOf", /function originOf\b/, "src/internal/origin.ts"],
    ["IPv6 bracket handling", /\\\[\(\.\*\)\\\]|function \w*[bB]racket/, "src/internal/host.ts"],
  ])("%s lives in one file", (_concern, pattern, home) => {
    expect(homesOf(pattern)).toEqual([home]);
  });
});
