import { onAbort } from "./abort-listener.js";

/** Time as the client sees it; injectable so retry timing is tested exactly, without real sleeps. */
export interface Clock {
  /** Milliseconds on a monotonic clock, for timeouts and deadlines. */
  now(): number;
  /** Wall-clock milliseconds since the epoch, to read `Retry-After` dates. */
  wallTime(): number;
  /** Waits `ms`; rejects with the signal's reason as soon as the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Calls `callback` after `ms` on this clock; returns a function that cancels it. Optional: when a
   * clock has it (a virtual clock for tests), attempt timeouts are timed on it too; without it they
   * run on the transport's own timers.
   */
  setTimer?(ms: number, callback: () => void): () => void;
}

/** The real clock: `performance.now()` and `setTimeout`, leaving no timer behind on abort. */
export const systemClock: Clock = {
  now: () => performance.now(),
  wallTime: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = setTimeout(() => {
        removeListener?.();
        resolve();
      }, ms);
      const removeListener = signal
        ? onAbort(signal, () => {
            clearTimeout(timer);
            reject(signal.reason);
          })
        : undefined;
    }),
};
