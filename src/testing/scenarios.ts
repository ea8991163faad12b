/**
 * What the mock does instead of answering from its sessions, for the next calls or the calls for an id:
 * - `status`: that status, the spec's `ErrorResponse` (or `body`) and an optional `Retry-After`;
 * - `networkError`: the connection fails (`fetch` rejects as undici does, code `ECONNRESET`);
 * - `hang`: no answer at all, until the client gives up (its timeout, deadline or signal);
 * - `delay`: the normal answer, `ms` later (on the mock's clock when it has one);
 * - `malformed`: a 200 whose JSON is cut short;
 * - `invalid`: a 200 whose JSON breaks the spec (`startTime` a number, `status` unknown).
 */
export type MockScenario =
  | { kind: "status"; status: number; retryAfter?: number | string | undefined; body?: unknown }
  | { kind: "networkError"; message?: string | undefined }
  | { kind: "hang" }
  | { kind: "delay"; ms: number }
  | { kind: "malformed" }
  | { kind: "invalid" };

/** Which calls a scenario applies to. */
export interface ScenarioTarget {
  /**
   * How many calls it answers before the mock goes back to its sessions.
   * @default 1
   */
  times?: number | undefined;
  /** Only calls for this session id (checked before scenarios for any id). */
  id?: string | undefined;
}

interface Queued {
  scenario: MockScenario;
  remaining: number;
}

/** Scenarios queued for the next calls, per id and for any id. */
export class ScenarioQueue {
  readonly #any: Queued[] = [];
  readonly #byId = new Map<string, Queued[]>();

  add(scenario: MockScenario, target: ScenarioTarget = {}): void {
    const times = target.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new TypeError(`respond: times must be a positive integer, got ${String(times)}`);
    checkScenario(scenario);
    const entry = { scenario, remaining: times };
    if (target.id === undefined) this.#any.push(entry);
    else this.#byId.set(target.id, [...(this.#byId.get(target.id) ?? []), entry]);
  }

  /** The scenario for a call, used up by one; undefined to answer normally. */
  take(id: string | undefined): MockScenario | undefined {
    const queue = (id !== undefined && this.#byId.get(id)?.length ? this.#byId.get(id) : undefined) ?? this.#any;
    const head = queue[0];
    if (!head) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) queue.shift();
    return head.scenario;
  }

  clear(): void {
    this.#any.length = 0;
    this.#byId.clear();
  }
}

function checkScenario(scenario: MockScenario): void {
  switch (scenario?.kind) {
    case "status":
      if (!Number.isInteger(scenario.status) || scenario.status < 200 || scenario.status > 599) throw new TypeError(`respond: status must be an integer from 200 to 599, got ${String(scenario.status)}`);
      return;
    case "delay":
      if (!(scenario.ms >= 0 && Number.isFinite(scenario.ms))) throw new TypeError(`respond: delay ms must be a finite number >= 0, got ${String(scenario.ms)}`);
      return;
    case "networkError":
    case "hang":
    case "malformed":
    case "invalid":
      return;
    default:
      throw new TypeError(`respond: unknown scenario ${JSON.stringify(scenario)}`);
  }
}
