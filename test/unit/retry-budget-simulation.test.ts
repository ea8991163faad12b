import { describe, expect, it } from "vitest";
import { BUDGETS, SCENARIOS, simulate, type Scenario } from "../../scripts/lib/retry-budget-simulation.js";

const [DEFAULT, PREVIOUS, NONE] = BUDGETS.map(([, budget]) => budget) as [object, object, false];
const scenario = (prefix: string): Scenario => {
  const found = SCENARIOS.find((candidate) => candidate.name.startsWith(prefix));
  if (!found) throw new Error(`no scenario ${prefix}`);
  return found;
};

// Each case runs thousands of calls through a whole client: generous time on a loaded machine.
describe("retry budget, simulated through a real client on a virtual clock", { timeout: 60_000 }, () => {
  it(
    "a 100% outage under load: retries stay within half the bucket plus the floor, every refusal is logged; " +
      "without a budget, three attempts a call",
    async () => {
      const outage = scenario("100% outage");
      const seconds = 60;
      const withBudget = await simulate(outage, DEFAULT);
      expect(withBudget.failedCalls).toBe(outage.callTimes.length);
      // Retries go on while the bucket (10 tokens, each failure costs one) is above half: 5 at the start;
      // then the floor lets one through every 10 s (minRetriesPerSecond 0.1), whatever the bucket holds.
      expect(withBudget.retries).toBeGreaterThanOrEqual(seconds * 0.1);
      expect(withBudget.retries).toBeLessThanOrEqual(10 / 2 + seconds * 0.1);
      // Every call ends on a retry the budget refused, and each refusal is logged once.
      expect(withBudget.refused).toBe(outage.callTimes.length);
      const without = await simulate(outage, NONE);
      expect(without).toMatchObject({
        attempts: outage.callTimes.length * 3,
        refused: 0,
        failedCalls: outage.callTimes.length,
      });
    },
  );

  it("a steady 10% failure rate is retried as if there were no budget (it stays full)", async () => {
    const flaky = scenario("steady 10%");
    const withBudget = await simulate(flaky, DEFAULT);
    const without = await simulate(flaky, NONE);
    expect(withBudget.refused).toBe(0);
    expect(withBudget.failedCalls).toBe(without.failedCalls);
    // The previous gRPC-style default throttled it: about one call in ten failed.
    expect((await simulate(flaky, PREVIOUS)).failedCalls).toBeGreaterThan(100);
  });

  it("one call a minute after a 10-minute outage: every transient failure is retried again at once", async () => {
    const quiet = scenario("1 call/min");
    const withBudget = await simulate(quiet, DEFAULT);
    expect(withBudget.afterRecovery).toEqual({ calls: 10, succeeded: 10 });
    // Before recovery with time, the emptied bucket stranded the client: no retry for the rest of the run.
    expect((await simulate(quiet, PREVIOUS)).afterRecovery).toEqual({ calls: 10, succeeded: 0 });
  });

  it("after a burst empties the bucket, a quiet client retries again within 10 s, without any success", async () => {
    const burst: Scenario = {
      name: "burst",
      callTimes: [...Array<number>(20).fill(0), 5_000, 10_500],
      status: (now, attempt) => (now < 3_000 || attempt === 1 ? 503 : 200),
      recoveryAt: 4_000,
    };
    const result = await simulate(burst, DEFAULT);
    // The call at 5 s is still refused its retry; the one at 10.5 s gets it (the floor's one retry per 10 s).
    expect(result.afterRecovery).toEqual({ calls: 2, succeeded: 1 });
  });

  it("is deterministic", async () => {
    const flaky = scenario("steady 30%");
    expect(await simulate(flaky, DEFAULT)).toEqual(await simulate(flaky, DEFAULT));
  });
});
