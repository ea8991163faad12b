type Listener = () => void;

// One real listener per signal, fanning out to every call waiting on it: a signal shared by many
// concurrent calls would otherwise collect one listener per call, and Node warns past ten
// (`MaxListenersExceededWarning`, also with `events.addAbortListener`).
const listenersBySignal = new WeakMap<AbortSignal, Set<Listener>>();

/**
 * Calls `listener` once when `signal` aborts (at once, synchronously, if it already has); returns a
 * function that removes it. Many calls may share one signal without adding listeners to it.
 */
export function onAbort(signal: AbortSignal, listener: Listener): () => void {
  if (signal.aborted) {
    listener();
    return () => undefined;
  }
  let listeners = listenersBySignal.get(signal);
  if (!listeners) {
    const created = new Set<Listener>();
    listeners = created;
    listenersBySignal.set(signal, created);
    signal.addEventListener(
      "abort",
      () => {
        listenersBySignal.delete(signal);
        for (const waiting of created) waiting();
      },
      { once: true },
    );
  }
  const registered = listeners;
  // A wrapper, so the same function registered twice is called twice and removed once each.
  const entry: Listener = () => listener();
  registered.add(entry);
  return () => {
    registered.delete(entry);
  };
}
