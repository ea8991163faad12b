import { resolvePointer } from "./schema-changes.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One operation of a spec. */
export interface SpecOperation {
  /** Upper case, as sent: `GET`. */
  method: string;
  path: string;
  /** `GET /api/session/{id}`. */
  key: string;
  operation: Record<string, unknown>;
  /** Path-level and operation-level parameters, `$ref`s resolved; the operation's win. */
  parameters: Record<string, unknown>[];
  /** Declared response statuses (`"200"`, `"404"`, `"default"`). */
  statuses: string[];
}

/** Every operation of a spec, in document order. */
export function listOperations(document: Record<string, unknown>): SpecOperation[] {
  const paths = (document["paths"] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((method) => typeof item[method] === "object" && item[method] !== null).map((method) => {
      const operation = item[method] as Record<string, unknown>;
      const resolve = (parameter: unknown) => {
        const ref = (parameter as { $ref?: unknown }).$ref;
        return (typeof ref === "string" ? resolvePointer(document, ref) : parameter) as Record<string, unknown>;
      };
      const byKey = new Map<string, Record<string, unknown>>();
      for (const parameter of [
        ...((item["parameters"] as unknown[]) ?? []),
        ...((operation["parameters"] as unknown[]) ?? []),
      ].map(resolve)) {
        byKey.set(`${String(parameter["in"])}:${String(parameter["name"])}`, parameter);
      }
      const responses = (operation["responses"] ?? {}) as Record<string, unknown>;
      return {
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        operation,
        parameters: [...byKey.values()],
        statuses: Object.keys(responses),
      };
    }),
  );
}
