import { onAbort } from "../internal/abort-listener.js";
import { checkKnownOptions, optionError } from "../internal/checks.js";
import type { Clock } from "../internal/clock.js";

/** A clock for tests: virtual time that moves only when told, or when nothing else can happen. */
export interface TestClock extends Required<Clock> {
  /** Moves time forward by `ms`, firing every timer and sleep due on the way, in order. */
  advance(ms: number): Promise<void>;
  /**
   * Settles `work` (a promise) in virtual time: whenever nothing else is pending, jumps to the next
   * timer. A call that retries for a minute or waits for its deadline resolves in milliseconds of real
   * time. Rejects if `work` can never settle (nothing pending and no timer left). To move time by a
   * number of milliseconds, call `advance(ms)`.
   */
  run<T>(work: PromiseLike<T>): Promise<T>;
  /** Every wait requested through `sleep` (backoff waits, `Retry-After`), in ms. */
  readonly sleeps: readonly number[];
}

/** Options of {@link createTestClock}. */
export interface TestClockOptions {
  /** Virtual `now()` at the start, in ms. @default 0 */
  start?: number | undefined;
  /** Wall time at the start, for `Retry-After` dates. @default 2026-11-26T12:00:00Z */
  wallTimeStart?: number | undefined;
  /**
   * Real milliseconds a timer may wait on this clock while neither `run` nor `advance` is in progress
   * before a `HYPERBROWSER_TEST_CLOCK_STALLED` process warning says so (a call given this clock, as
   * `mock.client()` is, never moves on its own), or `false` for no warning.
   * @default 2000
   */
  stallWarningMs?: number | false | undefined;
}

interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

const OPTION_NAMES = ["start", "wallTimeStart", "stallWarningMs"] as const;
const STALL_CODE = "HYPERBROWSER_TEST_CLOCK_STALLED";

/**
 * A virtual {@link Clock} for the client's `clock` option (and the testing mock's). Backoff waits,
 * `Retry-After`, attempt timeouts, deadlines and the retry budget's recovery all follow it. Nothing
 * moves it but `run` and `advance`: a call pending on it while neither is in progress is reported
 * with a process warning after `stallWarningMs` of real time.
 *
 * @example
 * const clock = createTestClock();
 * const client = mock.client({ clock });
 * await clock.run(client.sessions.get(id)); // two 503s and their backoff, in a few ms
 */
export function createTestClock(options: TestClockOptions = {}): TestClock {
  checkOptions(options);
  let now = options.start ?? 0;
  const wallStart = options.wallTimeStart ?? Date.UTC(2026, 10, 26, 12, 0, 0);
  const timers: Timer[] = [];
  const sleeps: number[] = [];
  let order = 0;
  const watchdog = stallWatchdog(
    options.stallWarningMs ?? 2_000,
    () => timers.length,
    () => (timers[0]?.at ?? now) - now,
  );
  const schedule = (ms: number, fire: () => void): Timer => {
    const timer = { at: now + Math.max(0, ms), order: (order += 1), fire };
    timers.push(timer);
    timers.sort((a, b) => a.at - b.at || a.order - b.order);
    watchdog.arm();
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
      if (typeof ms !== "number" || !(ms >= 0 && Number.isFinite(ms)))
        throw optionError("createTestClock().advance", "ms", "a finite number of milliseconds >= 0", ms);
      const until = now + ms;
      watchdog.driving(+1);
      try {
        for (;;) {
          await settle();
          if (!fireNext(until)) break;
        }
        now = until;
      } finally {
        watchdog.driving(-1);
      }
    },
    async run<T>(work: PromiseLike<T>): Promise<T> {
      if (typeof (work as { then?: unknown } | null | undefined)?.then !== "function") {
        throw optionError(
          "createTestClock().run",
          "work",
          "a promise (to move time by a number of milliseconds, call clock.advance(ms))",
          work,
        );
      }
      let settled = false;
      const tracked = Promise.resolve(work).finally(() => {
        settled = true;
      });
      tracked.catch(() => undefined);
      watchdog.driving(+1);
      try {
        for (;;) {
          await settle();
          if (settled) return await tracked;
          if (!fireNext(Number.POSITIVE_INFINITY)) {
            await settle();
            if (settled) return await tracked;
            throw new Error("createTestClock().run: the work cannot settle: nothing is pending and no timer is left");
          }
        }
      } finally {
        watchdog.driving(-1);
      }
    },
  };
}

/**
 * Warns (once per clock) when timers have waited `graceMs` of real time while nothing drove the clock.
 * The real timer is kept referenced on purpose: a script that forgot `run` would otherwise exit 0 in silence.
 */
function stallWatchdog(graceMs: number | false, pending: () => number, nextIn: () => number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let drivers = 0;
  let warned = false;
  const check = () => {
    timer = undefined;
    if (warned || pending() === 0) return;
    if (drivers > 0) return arm();
    warned = true;
    const message =
      `createTestClock: ${pending()} timer(s) have waited ${graceMs} ms of real time on this virtual clock (the ` +
      `next is due in ${nextIn()} virtual ms), ` +
      "and nothing is moving it. A client given this clock (mock.client() inherits the mock's) waits until you " +
      "call clock.run(promise) or clock.advance(ms).";
    if (typeof globalThis.process?.emitWarning === "function")
      globalThis.process.emitWarning(message, { code: STALL_CODE });
    else console.warn(`${STALL_CODE}: ${message}`);
  };
  const arm = (): void => {
    if (graceMs === false || warned || timer !== undefined) return;
    timer = setTimeout(check, graceMs);
  };
  return {
    arm,
    driving(change: 1 | -1) {
      drivers += change;
      if (drivers > 0 && timer !== undefined) {
        // Driven now: restart the grace period once it is let go again.
        clearTimeout(timer);
        timer = undefined;
      }
      if (drivers === 0 && pending() > 0) arm();
    },
  };
}

function checkOptions(options: TestClockOptions): void {
  const where = "createTestClock";
  if (typeof options !== "object" || options === null) throw optionError(where, "options", "an object", options);
  checkKnownOptions(where, options, OPTION_NAMES);
  for (const name of ["start", "wallTimeStart"] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value)))
      throw optionError(where, name, "a finite number of milliseconds", value);
  }
  const grace = options.stallWarningMs;
  if (grace !== undefined && grace !== false && (typeof grace !== "number" || !(grace > 0 && grace <= 2 ** 31 - 1))) {
    throw optionError(where, "stallWarningMs", "a number of milliseconds from 1 to 2147483647, or false", grace);
  }
}

/** Lets every promise chain that can move without real I/O or real timers move. */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
