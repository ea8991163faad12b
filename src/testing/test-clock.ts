import { onAbort } from "../internal/abort-listener.js";
import type { Clock } from "../internal/clock.js";

/** A clock for tests: virtual time that moves only when told, or when nothing else can happen. */
export interface TestClock extends Required<Clock> {
  /** Moves time forward by `ms`, firing every timer and sleep due on the way, in order. */
  advance(ms: number): Promise<void>;
  /**
   * Settles `work` in virtual time: whenever nothing else is pending, jumps to the next timer. A call
   * that retries for a minute or waits for its deadline resolves in milliseconds of real time.
   * Rejects if `work` can never settle (nothing pending and no timer left).
   */
  run<T>(work: Promise<T>): Promise<T>;
  /** Every wait requested through `sleep` (backoff waits, `Retry-After`), in ms. */
  readonly sleeps: readonly number[];
}

interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

/**
 * A virtual {@link Clock} for the client's `clock` option (and the testing mock's). Backoff waits,
 * `Retry-After`, attempt timeouts, deadlines and the retry budget's recovery all follow it.
 *
 * @example
 * const clock = createTestClock();
 * const client = mock.client({ clock });
 * await clock.run(client.sessions.get(id)); // two 503s and their backoff, in a few ms
 */
export function createTestClock(options: { start?: number | undefined; wallTimeStart?: number | undefined } = {}): TestClock {
  let now = options.start ?? 0;
  const wallStart = options.wallTimeStart ?? Date.UTC(2026, 10, 26, 12, 0, 0);
  const timers: Timer[] = [];
  const sleeps: number[] = [];
  let order = 0;
  const schedule = (ms: number, fire: () => void): Timer => {
    const timer = { at: now + Math.max(0, ms), order: (order += 1), fire };
    timers.push(timer);
    timers.sort((a, b) => a.at - b.at || a.order - b.order);
    return timer;
  };
  const cancel = (timer: Timer) => {
    const index = timers.indexOf(timer);
    if (index >= 0) timers.splice(index, 1);
  };
  const fireNext = (until: number): boolean => {
    const next = timers[0];
    if (!next || next.at > until) return false;
    timers.shift();
    now = Math.max(now, next.at);
    next.fire();
    return true;
  };
  return {
    sleeps,
    now: () => now,
    wallTime: () => wallStart + now,
    sleep(ms, signal) {
      sleeps.push(ms);
      return new Promise((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer = schedule(ms, () => {
          removeListener?.();
          resolve();
        });
        const removeListener = signal
          ? onAbort(signal, () => {
              cancel(timer);
              reject(signal.reason);
            })
          : undefined;
      });
    },
    setTimer(ms, callback) {
      const timer = schedule(ms, callback);
      return () => cancel(timer);
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        await settle();
        if (!fireNext(until)) break;
      }
      now = until;
    },
    async run(work) {
      let settled = false;
      const tracked = work.finally(() => {
        settled = true;
      });
      tracked.catch(() => undefined);
      for (;;) {
        await settle();
        if (settled) return tracked;
        if (!fireNext(Number.POSITIVE_INFINITY)) {
          await settle();
          if (settled) return tracked;
          throw new Error("createTestClock().run: the work cannot settle: nothing is pending and no timer is left");
        }
      }
    },
  };
}

/** Lets every promise chain that can move without real I/O or real timers move. */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
