import { DEFAULT_BASE_URL } from "../generated/spec-constants.js";
import { systemClock, type Clock } from "./retry/clock.js";
import type { HyperbrowserLogger } from "./logging/logger.js";
import type { ValidateResponsesMode } from "./resources/response-validation.js";
import { RetryBudget, type RetryBudgetOptions } from "./retry/retry-budget.js";
import { normalizeRetryOptions, type RetryOptions, type RetryPolicy } from "./retry/retry-policy.js";

/** Default time for one attempt, headers and body together. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Largest 2xx body the client reads; a larger one is a `HyperbrowserInvalidResponseError`. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Largest part of an error body the client reads; the rest is discarded. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;
// setTimeout fires at once for delays above 2^31 - 1 ms.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Time limits and retries of one call; each overrides the client's. */
export interface CallOptions {
  /**
   * Time for one attempt, from sending to the last byte of the body.
   * @default 30000
   */
  timeoutMs?: number | undefined;
  /** Time for the whole call, all attempts and waits included; no wait starts that would outlast it. */
  deadlineMs?: number | undefined;
  /**
   * Retries after the first attempt, for GET, HEAD and OPTIONS.
   * @default 2
   */
  maxRetries?: number | undefined;
}

/** Options of {@link createHyperbrowserClient}. */
export interface HyperbrowserClientOptions extends CallOptions {
  /**
   * The API key sent as `x-api-key`.
   * @default process.env.HYPERBROWSER_API_KEY
   */
  apiKey?: string | undefined;
  /**
   * Where the API lives.
   * @default process.env.HYPERBROWSER_BASE_URL, else the spec's first server (https://api.hyperbrowser.ai)
   */
  baseUrl?: string | undefined;
  /** A `fetch` implementation to send requests with (for tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Extra headers sent with every request. They cannot replace `x-api-key`. */
  headers?: Record<string, string> | undefined;
  /** Backoff settings; `maxRetries` here or at the top level (the top level wins). */
  retry?: RetryOptions | undefined;
  /**
   * The retry budget shared by all calls of this client (see `RetryBudget`), or `false` for none.
   * @default { maxTokens: 10, tokenRatio: 0.1 }
   */
  retryBudget?: RetryBudgetOptions | false | undefined;
  /** Receives each attempt, retry and give-up, with secrets redacted. Off by default. */
  logger?: HyperbrowserLogger | undefined;
  /**
   * Checks 2xx bodies against the spec's schema with validators generated from openapi.json:
   * `"throw"` rejects a violating body with `HyperbrowserInvalidResponseError` listing where it breaks;
   * `"warn"` returns the data and reports the violations to `logger.warn` (or `console.warn`).
   * @default "off"
   */
  validateResponses?: ValidateResponsesMode | undefined;
  /** For tests: the clock that times deadlines and backoff waits. */
  clock?: Clock | undefined;
  /** For tests: the random source of backoff jitter, in [0, 1). */
  random?: (() => number) | undefined;
}

/** Options after defaults from the environment and the spec are applied and checked. */
export interface ResolvedClientOptions {
  apiKey: string;
  baseUrl: string;
  fetch: typeof globalThis.fetch | undefined;
  headers: Record<string, string>;
  retry: RetryPolicy;
  timeoutMs: number;
  deadlineMs: number | undefined;
  retryBudget: RetryBudget | undefined;
  logger: HyperbrowserLogger | undefined;
  validateResponses: ValidateResponsesMode;
  clock: Clock;
  random: () => number;
}

/** Applies defaults and rejects options that could never work, before any request is made. */
export function resolveClientOptions(options: HyperbrowserClientOptions): ResolvedClientOptions {
  const env = typeof process === "undefined" ? {} : process.env;
  const apiKey = options.apiKey ?? env["HYPERBROWSER_API_KEY"];
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw new TypeError(
      "Hyperbrowser API key is missing: pass `apiKey` to createHyperbrowserClient or set the HYPERBROWSER_API_KEY environment variable",
    );
  }
  const baseUrl = checkBaseUrl(options.baseUrl ?? (env["HYPERBROWSER_BASE_URL"] || DEFAULT_BASE_URL));
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError("createHyperbrowserClient: `fetch` must be a function");
  }
  return {
    apiKey,
    baseUrl,
    fetch: options.fetch,
    headers: { ...options.headers },
    retry: normalizeRetryOptions({ ...options.retry, maxRetries: options.maxRetries ?? options.retry?.maxRetries }),
    timeoutMs: checkMilliseconds("timeoutMs", options.timeoutMs) ?? DEFAULT_TIMEOUT_MS,
    deadlineMs: checkMilliseconds("deadlineMs", options.deadlineMs),
    retryBudget: options.retryBudget === false ? undefined : new RetryBudget(options.retryBudget),
    logger: options.logger,
    validateResponses: checkValidateResponses(options.validateResponses),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
  };
}

function checkValidateResponses(value: ValidateResponsesMode | undefined): ValidateResponsesMode {
  if (value === undefined) return "off";
  if (value === "off" || value === "warn" || value === "throw") return value;
  throw new TypeError(`validateResponses must be "off", "warn" or "throw", got ${JSON.stringify(value)}`);
}

/** Rejects a time limit that is not a positive number a timer can wait for. */
export function checkMilliseconds(name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !(value > 0 && value <= MAX_TIMER_MS)) {
    throw new TypeError(`${name} must be a number of milliseconds from 1 to ${MAX_TIMER_MS}, got ${String(value)}`);
  }
  return value;
}

function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`createHyperbrowserClient: baseUrl is not an absolute URL: ${JSON.stringify(value.slice(0, 200))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`createHyperbrowserClient: baseUrl must use http or https, not ${url.protocol}`);
  }
  // Credentials, a query or a fragment in the base URL would end up in every request URL and error message.
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError("createHyperbrowserClient: baseUrl must not contain credentials, a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}
