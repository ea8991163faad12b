/** One difference between two API reports. */
export interface ApiChange {
  kind: "added" | "removed" | "changed";
  /** `HyperbrowserClientOptions.proxy`, `components.schemas.SessionDetail.liveUrl`. */
  path: string;
  breaking: boolean;
  /** Why it is (not) breaking, when that is not obvious from the kind. */
  note?: string | undefined;
}

interface ApiNode {
  key: string;
  /** The declaration or member's own text, its members left out. */
  signature: string;
  optional: boolean;
  children: Map<string, ApiNode>;
}

const MODIFIERS_RE =
  /^(?:(?:export|declare|default|readonly|static|protected|public|private|abstract|override|get|set|const|let|var|function|class|interface|type|enum|namespace)\s+)*/;
const NAME_RE = /^(\[[^\]]*\]|"[^"]*"|'[^']*'|[A-Za-z_$][\w$]*)/;

/**
 * The changes from one API Extractor report to the next, down to members of interfaces, classes and
 * nested object types. Removed and changed declarations or members are breaking (a changed type may
 * narrow or widen; the report does not say which, so the verdict is cautious); added ones are not,
 * except a required member added to an input type (an `…Options` interface), which callers must now set.
 */
export function diffApiReports(before: string, after: string): ApiChange[] {
  const changes: ApiChange[] = [];
  compare(parseReport(before), parseReport(after), "", changes, false);
  return changes;
}

function compare(
  before: Map<string, ApiNode>,
  after: Map<string, ApiNode>,
  prefix: string,
  changes: ApiChange[],
  inputType: boolean,
): void {
  for (const [key, node] of before) {
    const path = `${prefix}${displayKey(key)}`;
    const next = after.get(key);
    if (!next) {
      changes.push({ kind: "removed", path, breaking: true });
      continue;
    }
    if (next.signature !== node.signature)
      changes.push({ kind: "changed", path, breaking: true, note: `\`${node.signature}\` → \`${next.signature}\`` });
    compare(
      node.children,
      next.children,
      `${path}.`,
      changes,
      inputType || (prefix === "" && /Options$/.test(displayKey(key))),
    );
  }
  for (const [key, node] of after) {
    if (before.has(key)) continue;
    const requiredInput = inputType && prefix !== "" && !node.optional;
    changes.push({
      kind: "added",
      path: `${prefix}${displayKey(key)}`,
      breaking: requiredInput,
      note: requiredInput ? "a required member of an input type" : undefined,
    });
  }
}

function displayKey(key: string): string {
  return key.replace(/^(?:class|interface|type|const|function|enum|namespace|let|var) /, "");
}

/** Parses the ```ts block of a report into declarations and their (nested) members. */
export function parseReport(report: string): Map<string, ApiNode> {
  const block = /```ts\n([\s\S]*?)```/.exec(report)?.[1] ?? "";
  const lines = block
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""))
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("//") && !line.startsWith("import "));
  const root = new Map<string, ApiNode>();
  parseLevel(lines, 0, 0, root, true);
  return root;
}

/** Parses lines from `start` at `indent` into `into`; returns the index after the level's closing line. */
function parseLevel(
  lines: string[],
  start: number,
  indent: number,
  into: Map<string, ApiNode>,
  topLevel: boolean,
): number {
  let index = start;
  while (index < lines.length) {
    const line = lines[index] as string;
    const lineIndent = line.length - line.trimStart().length;
    if (lineIndent < indent || (!topLevel && lineIndent === indent && /^[}\]]/.test(line.trim()))) return index;
    const text = line.trim();
    const key = nodeKey(text, topLevel);
    const node: ApiNode = {
      key,
      signature: text,
      optional: /^[^:(]*\?\s*[:(]/.test(text.replace(MODIFIERS_RE, "")),
      children: new Map(),
    };
    index += 1;
    if (/[{[]$/.test(text)) {
      index = parseLevel(lines, index, lineIndent + 4, node.children, false);
      // The closing line (`}`, `};`, `} & {`…) belongs to the signature.
      const closing = lines[index];
      if (closing !== undefined) {
        node.signature += ` … ${closing.trim()}`;
        index += 1;
      }
    }
    let unique = key;
    for (let overload = 2; into.has(unique); overload += 1) unique = `${key}#${overload}`;
    into.set(unique, { ...node, key: unique });
  }
  return index;
}

function nodeKey(text: string, topLevel: boolean): string {
  if (topLevel) {
    const match =
      /^export (?:declare )?(?:abstract )?(class|interface|type|const|function|enum|namespace|let|var) ([\w$]+)/.exec(
        text,
      );
    if (match) return `${match[1]} ${match[2]}`;
  }
  if (/^constructor\s*\(/.test(text)) return "constructor";
  const name = NAME_RE.exec(text.replace(MODIFIERS_RE, ""))?.[1];
  return name ?? text;
}
