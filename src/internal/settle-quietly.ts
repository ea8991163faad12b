/**
 * Runs `run` for its side effects only: a throw, or a rejection of whatever thenable it returns (from
 * any realm, so no `instanceof Promise`), goes to `onError`, and a throwing `onError` is swallowed too.
 * Nothing escapes: the caller's outcome and the process are never affected.
 */
export function settleQuietly(run: () => unknown, onError: (error: unknown) => void): void {
  const report = (error: unknown) => {
    try {
      onError(error);
    } catch {
      // The reporter itself failed (a throwing logger): there is nobody left to tell.
    }
  };
  try {
    const result = run();
    // Promise.resolve adopts any thenable, and turns a throwing `then` getter into a rejection.
    if ((typeof result === "object" && result !== null) || typeof result === "function")
      void Promise.resolve(result).then(undefined, report);
  } catch (error) {
    report(error);
  }
}

/** `Name: message` of a thrown value, without trusting its getters or `toString`. */
export function describeThrown(error: unknown): string {
  try {
    return error instanceof Error ? `${String(error.name)}: ${String(error.message)}` : String(error);
  } catch {
    return "a value that cannot be turned into text";
  }
}
