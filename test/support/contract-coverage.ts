import ts from "typescript";
import { listOperations } from "../../scripts/lib/spec-operations.js";

/** The tag a contract test puts in its title to say what it covers: `[GET /api/session/{id} 404]`. */
export const COVERAGE_TAG_RE = /\[([A-Z]+) (\/\S*) (\d{3}|default)\]/g;

const TEST_FUNCTIONS = new Set(["it", "test"]);
const SKIPPED = new Set(["skip", "todo", "skipIf", "runIf"]);

/** Every (operation, declared status) pair of a spec, as `GET /api/session/{id} 200`. */
export function declaredPairs(spec: Record<string, unknown>): string[] {
  return listOperations(spec).flatMap((operation) => operation.statuses.map((status) => `${operation.key} ${status}`));
}

/**
 * The titles of the tests a source declares: the first argument of `it(…)`/`test(…)` (also `.only`,
 * `.concurrent` and `it.each(…)(title)`) when it is a string or template literal. Comments, other
 * strings, and skipped or todo tests do not count.
 */
export function testTitles(source: string): string[] {
  const file = ts.createSourceFile("contract.test.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const titles: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isTestFunction(node.expression)) {
      const [first] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) titles.push(first.text);
      else if (first && ts.isTemplateExpression(first)) titles.push(first.head.text + first.templateSpans.map((span) => `\${…}${span.literal.text}`).join(""));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return titles;
}

function isTestFunction(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return TEST_FUNCTIONS.has(callee.text);
  // it.only, test.concurrent…; a skipped or todo test covers nothing.
  if (ts.isPropertyAccessExpression(callee)) return !SKIPPED.has(callee.name.text) && isTestFunction(callee.expression);
  // it.each(table)(title, …)
  if (ts.isCallExpression(callee)) return isTestFunction(callee.expression);
  return false;
}

/** The pairs named by coverage tags in the test titles of some sources. */
export function taggedPairs(sources: readonly string[]): Set<string> {
  return new Set(
    sources.flatMap((source) => testTitles(source).flatMap((title) => [...title.matchAll(COVERAGE_TAG_RE)].map((match) => `${match[1]} ${match[2]} ${match[3]}`))),
  );
}
