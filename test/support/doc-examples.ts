/**
 * Type-checks the TypeScript blocks of markdown documents as a consumer would compile them: each block is a
 * module in a temporary project where the package name resolves to this repository's `src/` (tsconfig
 * `paths`), strict, with the TypeScript compiler API. Problems come back as `doc:line: message`.
 */
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import ts from "typescript";
import { extractDocBlocks, type DocBlock } from "./doc-blocks.js";

const PACKAGE = "@internal/hyperbrowser-session-client";

export interface DocExamplesResult {
  /** How many blocks were compiled. */
  checked: number;
  /** How many blocks opted out, with a reason. */
  skipped: number;
  problems: string[];
}

/** A markdown document: its path relative to the repository root (used in messages) and its text. */
export interface MarkdownDocument {
  doc: string;
  markdown: string;
}

/** Checks the blocks of `documents`; `root` is the repository (its `src/`, `node_modules/` and files shown). */
export async function checkDocExamples(
  root: string,
  documents: readonly MarkdownDocument[],
): Promise<DocExamplesResult> {
  const problems: string[] = [];
  const blocks: DocBlock[] = [];
  let skipped = 0;
  for (const { doc, markdown } of documents) {
    const extracted = extractDocBlocks(doc, markdown);
    blocks.push(...extracted.blocks);
    problems.push(...extracted.problems);
    skipped += extracted.skipped;
  }
  for (const block of blocks) {
    if (block.sameAs === undefined) continue;
    const file = await readFile(join(root, block.sameAs), "utf8").catch(() => undefined);
    if (file === undefined)
      problems.push(`${block.doc}:${block.fenceLine}: shows ${block.sameAs}, which does not exist`);
    else if (file.trimEnd() !== block.code.trimEnd())
      problems.push(`${block.doc}:${block.fenceLine}: differs from ${block.sameAs}, which it shows`);
  }
  const dir = await mkdtemp(join(tmpdir(), "doc-examples-"));
  try {
    problems.push(...(await compile(root, dir, blocks)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { checked: blocks.length, skipped, problems };
}

async function compile(root: string, dir: string, blocks: readonly DocBlock[]): Promise<string[]> {
  // Outside the repository, so nothing in it is written; node_modules linked for openapi-fetch, msw, …
  await symlink(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  await writeFile(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const origin = new Map<string, DocBlock>();
  for (const block of blocks) {
    // One folder per document, so a block can import a sibling shown as a file (`./session-usability.js`).
    const folder = join(dir, block.doc.replace(/[^A-Za-z0-9]+/g, "_"));
    const name =
      block.sameAs === undefined
        ? `block-line-${block.fenceLine}.ts`
        : basename(block.sameAs).replace(/\.[cm]?tsx?$/, ".ts");
    const file = join(folder, name);
    await mkdir(folder, { recursive: true });
    // `export {}` at the end keeps every block a module (top-level await, no shared globals), lines unchanged.
    await writeFile(file, `${block.code}\nexport {};\n`);
    origin.set(file, block);
  }
  const program = ts.createProgram([...origin.keys()], compilerOptions(root));
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => describe(diagnostic, origin, root));
}

/** The repository's own compiler options (strict and the rest), with the package name mapped to src/. */
function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, "tsconfig.json");
  const { config, error } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath);
  return {
    ...options,
    noEmit: true,
    typeRoots: [join(root, "node_modules/@types")],
    paths: {
      [PACKAGE]: [join(root, "src/index.ts")],
      [`${PACKAGE}/testing`]: [join(root, "src/testing/index.ts")],
      [`${PACKAGE}/testing/msw`]: [join(root, "src/testing/msw.ts")],
    },
  };
}

function describe(diagnostic: ts.Diagnostic, origin: ReadonlyMap<string, DocBlock>, root: string): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n  ");
  const file = diagnostic.file;
  if (!file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
  const { line } = file.getLineAndCharacterOfPosition(diagnostic.start);
  const block = origin.get(file.fileName);
  // A block's line n is the document's line fenceLine + n (0-based n): the fence line comes first.
  if (block) return `${block.doc}:${block.fenceLine + 1 + line}: TS${diagnostic.code}: ${message}`;
  return `${relative(root, file.fileName)}:${line + 1}: TS${diagnostic.code}: ${message}`;
}
