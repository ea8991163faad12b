/**
 * Finds the TypeScript code blocks of a markdown document, with the line each starts on and the marker
 * (if any) on the line before its fence. Pure: the doc-examples test compiles what this returns.
 */

/** A fenced ```ts block of a document. */
export interface DocBlock {
  /** The document, relative to the repository root. */
  doc: string;
  /** 1-based line of the opening fence. */
  fenceLine: number;
  code: string;
  /** From `<!-- file: path -->`: the repository file the block must equal. */
  sameAs?: string | undefined;
}

export interface ExtractedBlocks {
  blocks: DocBlock[];
  /** Blocks left out by an opt-out marker (with a reason). */
  skipped: number;
  /** Marker misuse, as `doc:line: message`. */
  problems: string[];
}

const TS_LANGUAGES = new Set(["ts", "typescript", "tsx", "mts", "cts"]);
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const SKIP = /^<!--\s*doc-examples:\s*skip\s*(.*?)\s*-->$/;
const SAME_AS = /^<!--\s*file:\s*(\S+)\s*-->$/;
const ANY_MARKER = /^<!--\s*(doc-examples|file)\s*:/;

/** Splits `markdown` into its TypeScript blocks; other languages and unlabelled blocks are left out. */
export function extractDocBlocks(doc: string, markdown: string): ExtractedBlocks {
  const lines = markdown.split(/\r?\n/);
  const blocks: DocBlock[] = [];
  const problems: string[] = [];
  let skipped = 0;
  // The marker of the next fence: the last non-blank line before it, if it is one.
  let pendingMarker: { line: number; text: string } | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const fence = FENCE.exec(line);
    if (!fence) {
      const trimmed = line.trim();
      if (ANY_MARKER.test(trimmed)) {
        if (pendingMarker) problems.push(`${doc}:${pendingMarker.line}: marker not followed by a code block`);
        pendingMarker = { line: index + 1, text: trimmed };
      } else if (trimmed !== "" && pendingMarker) {
        problems.push(`${doc}:${pendingMarker.line}: marker not followed by a code block`);
        pendingMarker = undefined;
      }
      continue;
    }
    const [, marks = "", language = ""] = fence;
    const fenceLine = index + 1;
    const body: string[] = [];
    index += 1;
    // The block ends at a fence of the same character, at least as long (CommonMark).
    while (index < lines.length && !isClosingFence(lines[index] ?? "", marks)) body.push(lines[index++] ?? "");
    const marker = pendingMarker;
    pendingMarker = undefined;
    const isTs = TS_LANGUAGES.has(language.toLowerCase());
    if (marker && !isTs) {
      problems.push(
        `${doc}:${marker.line}: marker before a \`${language || "unlabelled"}\` block, which is never checked`,
      );
      continue;
    }
    if (!isTs) continue;
    const skip = marker && SKIP.exec(marker.text);
    if (skip) {
      // An opt-out must say why, in parentheses: "skip (needs a browser)".
      if (!/^\(.*\S.*\)$/.test(skip[1] ?? ""))
        problems.push(`${doc}:${marker.line}: a skip marker needs a reason: <!-- doc-examples: skip (why) -->`);
      else skipped += 1;
      continue;
    }
    const sameAs = marker && SAME_AS.exec(marker.text);
    if (marker && !sameAs) {
      problems.push(`${doc}:${marker.line}: unknown marker ${marker.text}`);
      continue;
    }
    blocks.push({ doc, fenceLine, code: body.join("\n"), sameAs: sameAs ? sameAs[1] : undefined });
  }
  if (pendingMarker) problems.push(`${doc}:${pendingMarker.line}: marker not followed by a code block`);
  return { blocks, skipped, problems };
}

function isClosingFence(line: string, opening: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
  return match !== null && match[1]![0] === opening[0] && match[1]!.length >= opening.length;
}
