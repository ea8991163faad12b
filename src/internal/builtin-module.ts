/**
 * A Node built-in module (`node:http`) through `process.getBuiltinModule`, or undefined where there is
 * none (browsers, workers, Node before 20.16). No static import, so bundles for other runtimes stay clean.
 */
export function builtinModule<T>(id: string): T | undefined {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  return getBuiltin?.(id) as T | undefined;
}
