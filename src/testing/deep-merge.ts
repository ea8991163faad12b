/** A deep partial: every property optional, nested objects too (arrays and `null` replace whole). */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

// Deeper than any real fixture; it also catches a cycle before the stack runs out.
const MAX_DEPTH = 64;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * `overrides` merged into a copy of `base`: plain objects merge key by key; anything else (a value,
 * an array, `null`) replaces. A key set to `undefined` removes the property. Overrides that JSON cannot
 * carry (a function, a symbol, a BigInt, a class instance, nesting deeper than 64 levels or a cycle) are
 * a `TypeError` from `what`, naming the JSON pointer.
 */
export function deepMerge<T>(base: T, overrides: unknown, what: string): T {
  checkJsonValue(overrides, "", 0, what);
  return merge(base, overrides) as T;
}

function merge(base: unknown, overrides: unknown): unknown {
  if (overrides === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(overrides)) return structuredClone(overrides);
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key];
    // Own properties only, and defined rather than assigned: a `__proto__` key from JSON.parse stays a plain field.
    else
      Object.defineProperty(merged, key, {
        value: Object.hasOwn(merged, key) ? merge(merged[key], value) : structuredClone(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return merged;
}

function checkJsonValue(value: unknown, pointer: string, depth: number, what: string): void {
  if (
    value === undefined ||
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  )
    return;
  const where = pointer === "" ? "(the root)" : pointer;
  if (depth >= MAX_DEPTH)
    throw new TypeError(
      `${what}: the overrides nest deeper than ${MAX_DEPTH} levels (or loop) at ${where.slice(0, 200)}`,
    );
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJsonValue(item, `${pointer}/${index}`, depth + 1, what));
    return;
  }
  if (!isPlainObject(value)) {
    const kind = typeof value === "object" ? "an object that is not plain JSON" : `a ${typeof value}`;
    throw new TypeError(`${what}: the override at ${where} is ${kind}; overrides must be JSON values`);
  }
  for (const [key, item] of Object.entries(value))
    checkJsonValue(item, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`, depth + 1, what);
}
