import { checkKnownOptions, headerValueProblem, MAX_TIMER_MS, optionError } from "../internal/checks.js";

const WHERE = "respond";

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
    checkTarget(target);
    checkScenario(scenario);
    // A copy: changing the object afterwards cannot slip past the checks.
    const entry = { scenario: structuredClone(scenario), remaining: target.times ?? 1 };
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

const SCENARIO_KEYS: Readonly<Record<MockScenario["kind"], readonly string[]>> = {
  status: ["kind", "status", "retryAfter", "body"],
  networkError: ["kind", "message"],
  hang: ["kind"],
  delay: ["kind", "ms"],
  malformed: ["kind"],
  invalid: ["kind"],
};
const TARGET_KEYS = ["times", "id"] as const;
// Statuses whose response has no body (RFC 9110): a Response with one cannot be built.
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** Whether a status is sent without a body. */
export function isNullBodyStatus(status: number): boolean {
  return NULL_BODY_STATUSES.has(status);
}

// Every scenario the mock could not play is refused here, where the test defines it, not when a call meets it.
function checkScenario(scenario: MockScenario): void {
  if (typeof scenario !== "object" || scenario === null)
    throw optionError(WHERE, "scenario", "an object with a `kind`", scenario);
  const kind = (scenario as { kind?: unknown }).kind;
  const known =
    typeof kind === "string" && Object.hasOwn(SCENARIO_KEYS, kind)
      ? SCENARIO_KEYS[kind as MockScenario["kind"]]
      : undefined;
  if (known === undefined)
    throw optionError(
      WHERE,
      "kind",
      `one of ${Object.keys(SCENARIO_KEYS)
        .map((name) => `"${name}"`)
        .join(", ")}`,
      kind,
    );
  checkKnownOptions(`${WHERE} (a "${scenario.kind}" scenario)`, scenario, known);
  switch (scenario.kind) {
    case "status":
      return checkStatusScenario(scenario);
    case "delay":
      if (typeof scenario.ms !== "number" || !(scenario.ms >= 0 && scenario.ms <= MAX_TIMER_MS))
        throw optionError(WHERE, "ms", `a number of milliseconds from 0 to ${MAX_TIMER_MS}`, scenario.ms);
      return;
    case "networkError":
      if (scenario.message !== undefined && typeof scenario.message !== "string")
        throw optionError(WHERE, "message", "a string", scenario.message);
      return;
    default:
      return;
  }
}

function checkStatusScenario(scenario: Extract<MockScenario, { kind: "status" }>): void {
  const { status, retryAfter, body } = scenario;
  if (!Number.isInteger(status) || status < 200 || status > 599)
    throw optionError(WHERE, "status", "an integer from 200 to 599", status);
  if (body !== undefined && isNullBodyStatus(status))
    throw optionError(WHERE, "body", `absent with status ${status} (a ${status} has no body)`, body);
  if (body !== undefined && typeof body !== "string") {
    let text: string | undefined;
    try {
      text = JSON.stringify(body);
    } catch {
      // A BigInt or a cycle: JSON cannot carry it.
    }
    if (text === undefined)
      throw optionError(WHERE, "body", "a string or a value JSON can represent (no BigInt, cycle or function)", body);
  }
  if (retryAfter !== undefined) {
    if (typeof retryAfter === "number" ? !Number.isFinite(retryAfter) : typeof retryAfter !== "string")
      throw optionError(WHERE, "retryAfter", "a finite number of seconds or a string", retryAfter);
    const problem = headerValueProblem(String(retryAfter));
    if (problem)
      throw new TypeError(`${WHERE}: \`retryAfter\` ${problem}; it cannot be sent as the Retry-After header`);
  }
}

/** Checks a target's keys and values. */
function checkTarget(target: ScenarioTarget): void {
  if (typeof target !== "object" || target === null) throw optionError(WHERE, "target", "an object", target);
  checkKnownOptions(`${WHERE} (the target)`, target, TARGET_KEYS);
  const times = target.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw optionError(WHERE, "times", "a positive integer", times);
  if (target.id !== undefined && typeof target.id !== "string") throw optionError(WHERE, "id", "a string", target.id);
}
