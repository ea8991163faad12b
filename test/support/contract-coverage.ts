import { listOperations } from "../../scripts/lib/spec-operations.js";

/** The tag a contract test puts in its title to say what it covers: `[GET /api/session/{id} 404]`. */
export const COVERAGE_TAG_RE = /\[([A-Z]+) (\/\S*) (\d{3}|default)\]/g;

/** Every (operation, declared status) pair of a spec, as `GET /api/session/{id} 200`. */
export function declaredPairs(spec: Record<string, unknown>): string[] {
  return listOperations(spec).flatMap((operation) => operation.statuses.map((status) => `${operation.key} ${status}`));
}

/** The pairs named by coverage tags in test sources. */
export function taggedPairs(sources: readonly string[]): Set<string> {
  return new Set(sources.flatMap((source) => [...source.matchAll(COVERAGE_TAG_RE)].map((match) => `${match[1]} ${match[2]} ${match[3]}`)));
}
