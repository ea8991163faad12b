import { checkKnownOptions, optionError } from "../internal/checks.js";

/** How failed attempts are retried. */
export interface RetryOptions {
  /**
   * Retries after the first attempt (so at most `maxRetries + 1` attempts).
   * @default 2
   */
  maxRetries?: number | undefined;
  /**
   * Backoff before the first retry; it doubles for each retry after that.
   * @default 500
   */
  initialDelayMs?: number | undefined;
  /**
   * Longest backoff between attempts when the server sends no `Retry-After`.
   * @default 8000
   */
  maxDelayMs?: number | undefined;
  /**
   * Longest `Retry-After` / `retry-after-ms` the client waits for; a server asking for more is not retried.
   * @default 60000
   */
  maxRetryAfterMs?: number | undefined;
  /**
   * Fraction of each backoff removed at random (0 to 1), so callers that failed together do not retry together.
   * @default 0.25
   */
  jitter?: number | undefined;
}

/** Retry options with every default applied. */
export type RetryPolicy = { readonly [K in keyof RetryOptions]-?: number };

/** The defaults (openai-node's backoff; ky's refusal of an over-long Retry-After). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  jitter: 0.25,
});

/** Statuses worth retrying for an idempotent request: the server may answer differently next time. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

const MAX_RETRIES_LIMIT = 10;

const RETRY_OPTION_NAMES = [
  "maxRetries",
  "initialDelayMs",
  "maxDelayMs",
  "maxRetryAfterMs",
  "jitter",
] as const satisfies readonly (keyof RetryOptions)[];

/**
 * Applies defaults to retry options and rejects values that make no sense (a `TypeError` from `where`,
 * the function the options were given to).
 */
export function normalizeRetryOptions(
  options: RetryOptions = {},
  base: RetryPolicy = DEFAULT_RETRY_POLICY,
  where = "createHyperbrowserClient",
): RetryPolicy {
  checkKnownOptions(`${where} (\`retry\`)`, options, RETRY_OPTION_NAMES);
  const policy = {
    maxRetries: options.maxRetries ?? base.maxRetries,
    initialDelayMs: options.initialDelayMs ?? base.initialDelayMs,
    maxDelayMs: options.maxDelayMs ?? base.maxDelayMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? base.maxRetryAfterMs,
    jitter: options.jitter ?? base.jitter,
  };
  if (!Number.isInteger(policy.maxRetries) || policy.maxRetries < 0 || policy.maxRetries > MAX_RETRIES_LIMIT) {
    throw optionError(where, "maxRetries", `an integer from 0 to ${MAX_RETRIES_LIMIT}`, policy.maxRetries);
  }
  for (const name of ["initialDelayMs", "maxDelayMs", "maxRetryAfterMs"] as const) {
    if (typeof policy[name] !== "number" || !Number.isFinite(policy[name]) || policy[name] < 0)
      throw optionError(where, `retry.${name}`, "a finite number >= 0", policy[name]);
  }
  if (typeof policy.jitter !== "number" || !(policy.jitter >= 0 && policy.jitter <= 1))
    throw optionError(where, "retry.jitter", "a number from 0 to 1", policy.jitter);
  return Object.freeze(policy);
}

/**
 * The server's requested wait in ms, from `retry-after-ms`, else `Retry-After` in seconds or as an
 * HTTP date; undefined when absent or unreadable.
 */
export function parseRetryAfter(headers: { get(name: string): string | null }, now: number): number | undefined {
  const milliseconds = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number.parseFloat(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Backoff before retry number `retry` (1 for the first retry): exponential, capped, with jitter.
 * `random` is in [0, 1).
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: number): number {
  const exponential = Math.min(policy.initialDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  return exponential * (1 - policy.jitter * random);
}

/** A wait before a retry, and what set it. */
export interface RetryWait {
  ms: number;
  reason: "backoff" | "retry-after";
}

/**
 * How long to wait before retry number `retry`: the server's `Retry-After` when it sent one (it is
 * authoritative), else the backoff. Undefined means "do not retry": the server asked for longer than
 * `maxRetryAfterMs`.
 */
export function retryDelay(
  retry: number,
  policy: RetryPolicy,
  headers: { get(name: string): string | null } | undefined,
  now: number,
  random: number,
): RetryWait | undefined {
  const requested = headers ? parseRetryAfter(headers, now) : undefined;
  if (requested === undefined) return { ms: backoffDelay(retry, policy, random), reason: "backoff" };
  return requested > policy.maxRetryAfterMs ? undefined : { ms: requested, reason: "retry-after" };
}
