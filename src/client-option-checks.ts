import { API_KEY_HEADER } from "./auth.js";
import { checkKnownOptions, headerValueProblem, optionError } from "./internal/checks.js";
import type { HyperbrowserLogger } from "./logging/logger.js";
import type { ValidateResponsesMode } from "./resources/response-validation.js";
import type { Clock } from "./internal/clock.js";
import type { HyperbrowserHooks } from "./telemetry/events.js";
import type { TelemetryOptions } from "./telemetry/telemetry-options.js";

const CLIENT = "createHyperbrowserClient";

// The checks of createHyperbrowserClient's options: each throws a TypeError naming the option (and, for
// strings, the position of the bad character), never a value that could be a secret.

/** The API key from the option or the environment: present, and sendable as a header. */
export function checkApiKey(option: unknown, fromEnv: string | undefined): string {
  const apiKey = option ?? fromEnv;
  const source = option === undefined ? "the HYPERBROWSER_API_KEY environment variable" : "`apiKey`";
  // The type only: a key given as a number must not be printed either.
  if (apiKey !== undefined && typeof apiKey !== "string")
    throw new TypeError(`${CLIENT}: \`apiKey\` must be a string, got ${apiKey === null ? "null" : typeof apiKey}`);
  if (apiKey === undefined || apiKey.trim() === "") {
    throw new TypeError(
      "Hyperbrowser API key is missing: pass `apiKey` to createHyperbrowserClient or set the " +
        "HYPERBROWSER_API_KEY environment variable",
    );
  }
  const problem =
    headerValueProblem(apiKey) ?? (apiKey.trim() === apiKey ? undefined : "starts or ends with whitespace");
  if (problem)
    throw new TypeError(
      `${CLIENT}: the API key in ${source} ${problem}; it cannot be sent as the ${API_KEY_HEADER} header`,
    );
  return apiKey;
}

/** `validateResponses`: off, warn or throw. */
export function checkValidateResponses(value: ValidateResponsesMode | undefined): ValidateResponsesMode {
  if (value === undefined) return "off";
  if (value === "off" || value === "warn" || value === "throw") return value;
  throw optionError(CLIENT, "validateResponses", '"off", "warn" or "throw"', value);
}

/** An option that must be a function when given. */
export function checkFunction<T>(name: string, value: T | undefined): T | undefined {
  if (value !== undefined && typeof value !== "function") throw optionError(CLIENT, name, "a function", value);
  return value;
}

/** An option that must be an object when given. */
export function checkObject<T extends object>(name: string, value: T | undefined): T | undefined {
  if (value !== undefined && (typeof value !== "object" || value === null))
    throw optionError(CLIENT, name, "an object", value);
  return value;
}

/** `logger`: debug, info and warn functions (`console` fits). */
export function checkLogger(logger: HyperbrowserLogger | undefined): HyperbrowserLogger | undefined {
  if (logger === undefined) return undefined;
  const missing = (["debug", "info", "warn"] as const).filter(
    (method) => typeof (logger as unknown as Record<string, unknown> | null)?.[method] !== "function",
  );
  if (typeof logger !== "object" || logger === null || missing.length > 0)
    throw optionError(CLIENT, "logger", "an object with debug, info and warn functions (`console` fits)", logger);
  return logger;
}

const HOOK_NAMES = [
  "onRequest",
  "onResponse",
  "onRetry",
  "onGiveUp",
] as const satisfies readonly (keyof HyperbrowserHooks)[];

/** `hooks`: each one given is a function. */
export function checkHooks(hooks: HyperbrowserHooks | undefined): HyperbrowserHooks | undefined {
  if (hooks === undefined) return undefined;
  checkObject("hooks", hooks);
  checkKnownOptions(`${CLIENT} (\`hooks\`)`, hooks, HOOK_NAMES);
  for (const name of HOOK_NAMES) {
    const hook = (hooks as Record<string, unknown>)[name];
    if (hook !== undefined && typeof hook !== "function")
      throw optionError(CLIENT, `hooks.${name}`, "a function", hook);
  }
  return hooks;
}

const TELEMETRY_NAMES = [
  "tracerProvider",
  "meterProvider",
  "propagation",
  "attemptSpans",
] as const satisfies readonly (keyof TelemetryOptions)[];

/** `telemetry`: false, or settings with providers that can give a tracer and a meter. */
export function checkTelemetry(telemetry: TelemetryOptions | false | undefined): TelemetryOptions | false | undefined {
  if (telemetry === undefined || telemetry === false) return telemetry;
  checkObject("telemetry", telemetry);
  checkKnownOptions(`${CLIENT} (\`telemetry\`)`, telemetry, TELEMETRY_NAMES);
  if (telemetry.attemptSpans !== undefined && !["auto", "always", "never"].includes(telemetry.attemptSpans)) {
    throw optionError(CLIENT, "telemetry.attemptSpans", '"auto", "always" or "never"', telemetry.attemptSpans);
  }
  if (telemetry.tracerProvider !== undefined && typeof telemetry.tracerProvider?.getTracer !== "function")
    throw optionError(CLIENT, "telemetry.tracerProvider", "an object with getTracer()");
  if (telemetry.meterProvider !== undefined && typeof telemetry.meterProvider?.getMeter !== "function")
    throw optionError(CLIENT, "telemetry.meterProvider", "an object with getMeter()");
  return telemetry;
}

/** `clock`: now, wallTime and sleep functions. */
export function checkClock(clock: Clock | undefined, where = CLIENT): Clock | undefined {
  if (clock === undefined) return undefined;
  const missing = (["now", "wallTime", "sleep"] as const).filter(
    (method) => typeof (clock as unknown as Record<string, unknown> | null)?.[method] !== "function",
  );
  if (missing.length > 0)
    throw optionError(
      where,
      "clock",
      `an object with now, wallTime and sleep functions (missing ${missing.join(", ")})`,
    );
  return clock;
}

/** `maxSockets`: an integer from 1 to 10000. */
export function checkMaxSockets(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > 10_000)
    throw optionError(CLIENT, "maxSockets", "an integer from 1 to 10000", value);
  return value;
}

/** `baseUrl`: an absolute http(s) URL without credentials, query or fragment; returned without a trailing slash. */
export function checkBaseUrl(value: string, where = CLIENT): string {
  if (typeof value !== "string") throw optionError(where, "baseUrl", "a string", value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw optionError(where, "baseUrl", "an absolute http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw optionError(where, "baseUrl", "an http or https URL (its scheme is not shown: the value could be a secret)");
  // Credentials, a query or a fragment in the base URL would end up in every request URL and error message.
  if (url.username || url.password || url.search || url.hash)
    throw optionError(where, "baseUrl", "a URL without credentials, a query or a fragment");
  return url.href.replace(/\/+$/, "");
}
