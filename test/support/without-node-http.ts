/**
 * Runs `make` as if `node:http` did not exist (browsers, workers, Node before 20.16 have no
 * `process.getBuiltinModule`), so the client picks its fetch fallback; restores it afterwards.
 */
export function withoutNodeHttp<T>(make: () => T): T {
  const descriptor = Object.getOwnPropertyDescriptor(process, "getBuiltinModule");
  Object.defineProperty(process, "getBuiltinModule", { value: undefined, configurable: true, writable: true });
  try {
    return make();
  } finally {
    if (descriptor) Object.defineProperty(process, "getBuiltinModule", descriptor);
    else delete (process as { getBuiltinModule?: unknown }).getBuiltinModule;
  }
}
