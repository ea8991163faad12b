import type { Clock } from "../../src/index.js";

/** Wall time of a fake clock at its start: a whole second, as HTTP dates have. */
export const FAKE_CLOCK_EPOCH = Date.UTC(2026, 10, 25, 12, 0, 0);

/** A clock whose sleeps return at once and advance its time, recording each requested wait. */
export function createFakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    wallTime: () => FAKE_CLOCK_EPOCH + now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
}
