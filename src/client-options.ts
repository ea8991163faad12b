import { DEFAULT_BASE_URL } from "../generated/spec-constants.js";
import type { CallOptions } from "./http/call-options.js";
import { API_KEY_HEADER } from "./auth.js";
import {
  checkApiKey,
  checkBaseUrl,
  checkClock,
  checkFunction,
  checkHooks,
  checkLogger,
  checkMaxSockets,
  checkObject,
  checkTelemetry,
  checkValidateResponses,
} from "./client-option-checks.js";
import { resolveProxySettings, type ProxyResolver } from "./http/proxy-settings.js";
import { checkHeaders, checkKnownOptions, checkMilliseconds, optionError } from "./internal/checks.js";
import { clientUserAgent, withUserAgent } from "./internal/user-agent.js";
import type { HyperbrowserLogger } from "./logging/logger.js";
import type { HyperbrowserHooks } from "./telemetry/events.js";
import type { TelemetryOptions } from "./telemetry/telemetry-options.js";
import type { ValidateResponsesMode } from "./resources/response-validation.js";
import { systemClock, type Clock } from "./internal/clock.js";
import { RetryBudget, type RetryBudgetOptions } from "./retry/retry-budget.js";
import { normalizeRetryOptions, type RetryOptions, type RetryPolicy } from "./retry/retry-policy.js";
import { CLIENT_VERSION } from "./version.js";

const CLIENT = "createHyperbrowserClient";

/** Default time for one attempt, headers and body together. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default time for a whole call: every attempt and every wait between them. */
export const DEFAULT_DEADLINE_MS = 60_000;
/** Default most connections per origin (AWS SDK v3's default); requests queue beyond it. */
export const DEFAULT_MAX_SOCKETS = 50;
/** Largest 2xx body the client reads; a larger one is a `HyperbrowserInvalidResponseError`. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Largest part of an error body the client reads; the rest is discarded. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Options of {@link createHyperbrowserClient}. */
export interface HyperbrowserClientOptions extends CallOptions {
  /**
   * The API key sent as `x-api-key`.
   * @default process.env.HYPERBROWSER_API_KEY
   */
  apiKey?: string | undefined;
  /**
   * Where the API lives. The key is sent to this origin only.
   * @default process.env.HYPERBROWSER_BASE_URL, else the spec's first server (https://api.hyperbrowser.ai)
   */
  baseUrl?: string | undefined;
  /**
   * A `fetch` implementation to send requests with (for tests, proxies, instrumentation); it must honour
   * `redirect: "manual"`.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * Extra headers sent with every request. They cannot set `x-api-key`. A `user-agent` here is put in
   * front of the client's own (`my-service/2.1 hyperbrowser-session-client/1.0.0 node/20.20.2`).
   */
  headers?: Record<string, string> | undefined;
  /** Backoff settings; `maxRetries` here or at the top level (the top level wins). */
  retry?: RetryOptions | undefined;
  /**
   * The retry budget shared by all calls of this client (see `RetryBudget`), or `false` for none.
   * @default { maxTokens: 10, tokenRatio: 0.2, refillPerSecond: 0.5, minRetriesPerSecond: 0.1 }
   */
  retryBudget?: RetryBudgetOptions | false | undefined;
  /**
   * Most open connections per origin with the default transport; further requests wait for one
   * (the wait counts against `timeoutMs` and `deadlineMs`).
   * @default 50
   */
  maxSockets?: number | undefined;
  /**
   * Proxy for the default transport: a URL (`http://user:pass@proxy:3128`), or `false` for none. By
   * default `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY` decide, as for curl. HTTPS goes
   * through a CONNECT tunnel, so the proxy never sees the request or the key.
   */
  proxy?: string | false | undefined;
  /** Receives each attempt, retry and give-up, with secrets redacted. Off by default. */
  logger?: HyperbrowserLogger | undefined;
  /** Lifecycle hooks (`onRequest`, `onResponse`, `onRetry`, `onGiveUp`) for your own telemetry. */
  hooks?: HyperbrowserHooks | undefined;
  /**
   * OpenTelemetry traces and metrics, or `false` for none. By default they are on when
   * `@opentelemetry/api` is installed (with no SDK registered it costs a few microseconds a call).
   */
  telemetry?: TelemetryOptions | false | undefined;
  /**
   * Checks 2xx bodies against the spec's schema with validators generated from openapi.json:
   * `"throw"` rejects a violating body with `HyperbrowserInvalidResponseError` listing where it breaks;
   * `"warn"` returns the data and reports the violations to `logger.warn` (or `console.warn`).
   * @default "off"
   */
  validateResponses?: ValidateResponsesMode | undefined;
  /** For tests: the clock that times deadlines, backoff waits and the retry budget's recovery. */
  clock?: Clock | undefined;
  /** For tests: the random source of backoff jitter, in [0, 1). */
  random?: (() => number) | undefined;
}

// Every key of HyperbrowserClientOptions; the type below fails to compile when one is missing here.
const CLIENT_OPTION_NAMES = [
  "timeoutMs",
  "deadlineMs",
  "maxRetries",
  "apiKey",
  "baseUrl",
  "fetch",
  "headers",
  "retry",
  "retryBudget",
  "maxSockets",
  "proxy",
  "logger",
  "hooks",
  "telemetry",
  "validateResponses",
  "clock",
  "random",
] as const satisfies readonly (keyof HyperbrowserClientOptions)[];
const everyOptionListed: Exclude<keyof HyperbrowserClientOptions, (typeof CLIENT_OPTION_NAMES)[number]> extends never
  ? true
  : false = true;
void everyOptionListed;

/** Options after defaults from the environment and the spec are applied and checked. */
export interface ResolvedClientOptions {
  apiKey: string;
  baseUrl: string;
  fetch: typeof globalThis.fetch | undefined;
  headers: Record<string, string>;
  retry: RetryPolicy;
  timeoutMs: number;
  deadlineMs: number;
  retryBudget: RetryBudget | undefined;
  maxSockets: number;
  proxyFor: ProxyResolver;
  logger: HyperbrowserLogger | undefined;
  hooks: HyperbrowserHooks | undefined;
  telemetry: TelemetryOptions | false | undefined;
  validateResponses: ValidateResponsesMode;
  clock: Clock;
  random: () => number;
}

/**
 * Applies defaults and rejects options that could never work, before any request is made. Errors are
 * `TypeError`s naming the option (and, for strings, the position of the bad character), never a value
 * that could be a secret.
 */
export function resolveClientOptions(options: HyperbrowserClientOptions): ResolvedClientOptions {
  if (typeof options !== "object" || options === null) throw optionError(CLIENT, "options", "an object", options);
  checkKnownOptions(CLIENT, options, CLIENT_OPTION_NAMES);
  const env = typeof process === "undefined" ? {} : process.env;
  const clock = checkClock(options.clock) ?? systemClock;
  return {
    apiKey: checkApiKey(options.apiKey, env["HYPERBROWSER_API_KEY"]),
    baseUrl: checkBaseUrl(options.baseUrl ?? (env["HYPERBROWSER_BASE_URL"] || DEFAULT_BASE_URL)),
    fetch: checkFunction("fetch", options.fetch),
    headers: withUserAgent(
      checkHeaders("createHyperbrowserClient: `headers`", options.headers, API_KEY_HEADER),
      clientUserAgent(CLIENT_VERSION),
    ),
    retry: normalizeRetryOptions({
      ...checkObject("retry", options.retry),
      maxRetries: options.maxRetries ?? options.retry?.maxRetries,
    }),
    timeoutMs: checkMilliseconds(CLIENT, "timeoutMs", options.timeoutMs) ?? DEFAULT_TIMEOUT_MS,
    deadlineMs: checkMilliseconds(CLIENT, "deadlineMs", options.deadlineMs) ?? DEFAULT_DEADLINE_MS,
    retryBudget:
      options.retryBudget === false
        ? undefined
        : new RetryBudget(checkObject("retryBudget", options.retryBudget), clock),
    maxSockets: checkMaxSockets(options.maxSockets, DEFAULT_MAX_SOCKETS),
    proxyFor: resolveProxySettings(options.proxy, env),
    logger: checkLogger(options.logger),
    hooks: checkHooks(options.hooks),
    telemetry: checkTelemetry(options.telemetry),
    validateResponses: checkValidateResponses(options.validateResponses),
    clock,
    random: checkFunction("random", options.random) ?? Math.random,
  };
}
