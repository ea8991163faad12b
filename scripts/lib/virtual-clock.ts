import type { Clock } from "../../src/index.js";

/**
 * A clock for discrete-event simulation: `sleep` resolves when `run` advances virtual time to it, and
 * time moves only once every pending promise has settled, so concurrent calls see the order of events
 * they would see in real time, without waiting for it.
 */
export class VirtualClock implements Clock {
  #now = 0;
  readonly #timers: { at: number; seq: number; fire: () => void }[] = [];
  #seq = 0;

  now(): number {
    return this.#now;
  }

  wallTime(): number {
    return Date.UTC(2026, 10, 26) + this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      this.at(this.#now + ms, resolve);
    });
  }

  /** Runs `fire` when virtual time reaches `at`. */
  at(at: number, fire: () => void): void {
    this.#timers.push({ at, seq: (this.#seq += 1), fire });
    this.#timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /** Advances through every scheduled event until none is left. */
  async run(): Promise<void> {
    for (;;) {
      await settle();
      const next = this.#timers.shift();
      if (!next) return;
      this.#now = Math.max(this.#now, next.at);
      next.fire();
    }
  }
}

/** Lets every promise chain that can progress without I/O or timers do so. */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round += 1) await new Promise((resolve) => setImmediate(resolve));
}
