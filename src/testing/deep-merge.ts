/** A deep partial: every property optional, nested objects too (arrays and `null` replace whole). */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | undefined } : T;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/**
 * `overrides` merged into a copy of `base`: plain objects merge key by key; anything else (a value,
 * an array, `null`) replaces. A key set to `undefined` removes the property.
 */
export function deepMerge<T>(base: T, overrides: unknown): T {
  if (overrides === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(overrides)) return structuredClone(overrides) as T;
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key];
    else merged[key] = key in merged ? deepMerge(merged[key], value) : structuredClone(value);
  }
  return merged as T;
}
