import { checkKnownOptions, optionError } from "../internal/checks.js";
import type { Clock } from "../internal/clock.js";

/** Options of the retry budget shared by all calls of one client. */
export interface RetryBudgetOptions {
  /**
   * Size of the token bucket.
   * @default 10
   */
  maxTokens?: number | undefined;
  /**
   * Tokens a successful attempt gives back. Throttling starts when more than
   * `tokenRatio / (1 + tokenRatio)` of attempts fail (1 in 6 by default).
   * @default 0.2
   */
  tokenRatio?: number | undefined;
  /**
   * Tokens the bucket regains per second of time, successes or not, up to `maxTokens`: an empty
   * bucket is above half again after `maxTokens / 2 / refillPerSecond` seconds (10 s by default).
   * @default 0.5
   */
  refillPerSecond?: number | undefined;
  /**
   * Retries allowed per second even when the bucket says no (one at a time, saved up to one): the
   * floor that lets a quiet client retry a transient failure without waiting for the bucket.
   * @default 0.1
   */
  minRetriesPerSecond?: number | undefined;
}

/**
 * A retry budget after gRPC's retry throttling, made to recover with time as Finagle's and Envoy's
 * do. The bucket starts full; each failed attempt (connection error, timeout, retryable status) takes
 * one token, each other answer gives back `tokenRatio`, and time gives back `refillPerSecond`. A
 * steady failure rate below 1 in 6 keeps the bucket full; an outage empties it.
 * Retries are allowed while more than half the bucket is left, and, below that, at the floor rate of
 * `minRetriesPerSecond`. Under an outage with many concurrent callers the bucket empties within a few
 * failures and calls make about one attempt each; after the outage a quiet client retries again
 * within `1 / minRetriesPerSecond` seconds, without needing any success first.
 */
export class RetryBudget {
  readonly maxTokens: number;
  readonly tokenRatio: number;
  readonly refillPerSecond: number;
  readonly minRetriesPerSecond: number;
  readonly #now: () => number;
  #tokens: number;
  #floorCredit: number;
  #updatedAt: number;

  constructor(options: RetryBudgetOptions = {}, clock: Pick<Clock, "now"> = { now: () => performance.now() }) {
    checkKnownOptions(`${WHERE} (\`retryBudget\`)`, options, BUDGET_OPTION_NAMES);
    this.maxTokens = checkRate("maxTokens", options.maxTokens ?? 10, false);
    this.tokenRatio = checkRate("tokenRatio", options.tokenRatio ?? 0.2, false);
    this.refillPerSecond = checkRate("refillPerSecond", options.refillPerSecond ?? 0.5, true);
    this.minRetriesPerSecond = checkRate("minRetriesPerSecond", options.minRetriesPerSecond ?? 0.1, true);
    if (this.tokenRatio > this.maxTokens)
      throw optionError(WHERE, "retryBudget.tokenRatio", "at most `retryBudget.maxTokens`", this.tokenRatio);
    this.#now = () => clock.now();
    this.#tokens = this.maxTokens;
    this.#floorCredit = this.minRetriesPerSecond > 0 ? 1 : 0;
    this.#updatedAt = this.#now();
  }

  /** Tokens left now. */
  get tokens(): number {
    this.#catchUp();
    return this.#tokens;
  }

  /** Records an attempt that failed in a retryable way. */
  recordFailure(): void {
    this.#catchUp();
    this.#tokens = Math.max(0, this.#tokens - 1);
  }

  /** Records an attempt that got an answer worth keeping (2xx, or a status not worth retrying). */
  recordSuccess(): void {
    this.#catchUp();
    this.#tokens = Math.min(this.maxTokens, this.#tokens + this.tokenRatio);
  }

  /**
   * Asks for one retry now. True while more than half the bucket is left; below that, true at most
   * `minRetriesPerSecond` times a second (each such answer uses up the floor's credit).
   */
  allowsRetry(): boolean {
    this.#catchUp();
    if (this.#tokens > this.maxTokens / 2) return true;
    if (this.#floorCredit >= 1) {
      this.#floorCredit -= 1;
      return true;
    }
    return false;
  }

  #catchUp(): void {
    const now = this.#now();
    const seconds = Math.max(0, now - this.#updatedAt) / 1000;
    this.#updatedAt = now;
    if (seconds === 0) return;
    this.#tokens = Math.min(this.maxTokens, this.#tokens + seconds * this.refillPerSecond);
    this.#floorCredit = Math.min(1, this.#floorCredit + seconds * this.minRetriesPerSecond);
  }
}

const WHERE = "createHyperbrowserClient";
const BUDGET_OPTION_NAMES = [
  "maxTokens",
  "tokenRatio",
  "refillPerSecond",
  "minRetriesPerSecond",
] as const satisfies readonly (keyof RetryBudgetOptions)[];

function checkRate(name: string, value: number, zeroAllowed: boolean): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
    throw optionError(WHERE, `retryBudget.${name}`, `a finite number ${zeroAllowed ? ">= 0" : "> 0"}`, value);
  }
  return value;
}
