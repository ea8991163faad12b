import { createHyperbrowserClient, type HyperbrowserLogger, type RetryBudgetOptions } from "../../src/index.js";
import { seededRandom } from "../../src/testing/seeded-random.js";
import { VirtualClock } from "./virtual-clock.js";

/** Traffic and upstream behaviour of one simulated run. */
export interface Scenario {
  name: string;
  /** When each call starts, in virtual ms. */
  callTimes: number[];
  /** The status of an attempt: `attempt` counts from 1 within its call; `random` is seeded. */
  status(now: number, attempt: number, random: () => number): number;
  /** Calls from this time on count as "after the outage". */
  recoveryAt?: number;
}

/** What happened in one run. */
export interface SimulationResult {
  calls: number;
  attempts: number;
  retries: number;
  /** Retries the budget refused. */
  refused: number;
  failedCalls: number;
  /** Calls started at or after `recoveryAt`, and how many of them succeeded. */
  afterRecovery: { calls: number; succeeded: number };
}

/**
 * The budgets compared: this client's default, gRPC-style throttling (tokenRatio 0.1, no refill, no floor),
 * and none.
 */
export const BUDGETS: [string, RetryBudgetOptions | false][] = [
  ["default budget", {}],
  [
    "gRPC-style, the previous default (tokenRatio 0.1, no recovery, no floor)",
    { tokenRatio: 0.1, refillPerSecond: 0, minRetriesPerSecond: 0 },
  ],
  ["no budget", false],
];

const everySecond = (perSecond: number, seconds: number) =>
  Array.from({ length: perSecond * seconds }, (_, index) => (index * 1000) / perSecond);
const MINUTE = 60_000;

/** The scenarios of the README table. */
export const SCENARIOS: Scenario[] = [
  {
    name: "100% outage, 20 calls/s for 60 s",
    callTimes: everySecond(20, 60),
    status: () => 503,
  },
  {
    name: "steady 10% failures, 20 calls/s for 120 s",
    callTimes: everySecond(20, 120),
    status: (_now, _attempt, random) => (random() < 0.1 ? 503 : 200),
  },
  {
    name: "steady 30% failures, 20 calls/s for 120 s",
    callTimes: everySecond(20, 120),
    status: (_now, _attempt, random) => (random() < 0.3 ? 503 : 200),
  },
  {
    name: "1 call/min: 10-min outage, then each call's first attempt a transient 503",
    callTimes: Array.from({ length: 20 }, (_, index) => index * MINUTE),
    status: (now, attempt) => (now < 10 * MINUTE || attempt === 1 ? 503 : 200),
    recoveryAt: 10 * MINUTE,
  },
];

/** Runs a scenario through a real client (transport, retry policy, budget) on a virtual clock. */
export async function simulate(
  scenario: Scenario,
  retryBudget: RetryBudgetOptions | false,
  seed = 1,
): Promise<SimulationResult> {
  const clock = new VirtualClock();
  const random = seededRandom(seed);
  const jitter = seededRandom(seed + 1);
  let attempts = 0;
  let refused = 0;
  const logger: HyperbrowserLogger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (_message, fields) => {
      if (fields["why"] === "retry budget exhausted") refused += 1;
    },
  };
  const fetch: typeof globalThis.fetch = async (input) => {
    attempts += 1;
    const attempt = Number((input as Request).headers.get("x-client-attempt"));
    const status = scenario.status(clock.now(), attempt, random);
    const body = status === 200 ? '{"id":"s","status":"active"}' : '{"message":"unavailable"}';
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  };
  const client = createHyperbrowserClient({
    apiKey: "k",
    baseUrl: "http://127.0.0.1:1",
    fetch,
    clock,
    random: jitter,
    retryBudget,
    logger,
  });
  const outcomes: Promise<{ startedAt: number; ok: boolean }>[] = [];
  for (const startedAt of scenario.callTimes) {
    clock.at(startedAt, () => {
      outcomes.push(
        client.sessions.get("s").then(
          () => ({ startedAt, ok: true }),
          () => ({ startedAt, ok: false }),
        ),
      );
    });
  }
  await clock.run();
  const settled = await Promise.all(outcomes);
  const recovered = settled.filter(
    (outcome) => scenario.recoveryAt !== undefined && outcome.startedAt >= scenario.recoveryAt,
  );
  return {
    calls: settled.length,
    attempts,
    retries: attempts - settled.length,
    refused,
    failedCalls: settled.filter((outcome) => !outcome.ok).length,
    afterRecovery: { calls: recovered.length, succeeded: recovered.filter((outcome) => outcome.ok).length },
  };
}

/** A markdown table of every scenario under every budget. */
export async function simulationTable(): Promise<string> {
  const rows = [
    "| scenario | budget | attempts per call | retries made | retries refused | calls failed | after the outage |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const scenario of SCENARIOS) {
    for (const [label, budget] of BUDGETS) {
      const result = await simulate(scenario, budget);
      const after =
        scenario.recoveryAt === undefined
          ? ""
          : `${result.afterRecovery.succeeded} of ${result.afterRecovery.calls} calls succeed`;
      rows.push(
        `| ${scenario.name} | ${label} | ${(result.attempts / result.calls).toFixed(3)} | ${result.retries} ` +
          `| ${result.refused} | ${result.failedCalls} of ${result.calls} | ${after} |`,
      );
    }
  }
  return rows.join("\n");
}
