import { listOperations } from "../../scripts/lib/spec-operations.js";

/** Every (operation, declared status) pair of a spec, as `GET /api/session/{id} 200`. */
export function declaredPairs(spec: Record<string, unknown>): string[] {
  return listOperations(spec).flatMap((operation) => operation.statuses.map((status) => `${operation.key} ${status}`));
}
