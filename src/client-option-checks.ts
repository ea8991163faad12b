import { API_KEY_HEADER } from "./auth.js";
import { headerValueProblem } from "./internal/checks.js";
import type { HyperbrowserLogger } from "./logging/logger.js";
import type { ValidateResponsesMode } from "./resources/response-validation.js";
import type { Clock } from "./internal/clock.js";
import type { HyperbrowserHooks } from "./telemetry/events.js";
import type { TelemetryOptions } from "./telemetry/telemetry-options.js";

// The checks of createHyperbrowserClient's options: each throws a TypeError naming the option (and, for
// strings, the position of the bad character), never a value that could be a secret.

/** The API key from the option or the environment: present, and sendable as a header. */
export function checkApiKey(option: unknown, fromEnv: string | undefined): string {
  const apiKey = option ?? fromEnv;
  const source = option === undefined ? "the HYPERBROWSER_API_KEY environment variable" : "`apiKey`";
  if (apiKey !== undefined && typeof apiKey !== "string") throw new TypeError(`createHyperbrowserClient: \`apiKey\` must be a string, got ${typeof apiKey}`);
  if (apiKey === undefined || apiKey.trim() === "") {
    throw new TypeError(
      "Hyperbrowser API key is missing: pass `apiKey` to createHyperbrowserClient or set the HYPERBROWSER_API_KEY environment variable",
    );
  }
  const problem = headerValueProblem(apiKey) ?? (apiKey.trim() === apiKey ? undefined : "starts or ends with whitespace");
  if (problem) throw new TypeError(`createHyperbrowserClient: the API key in ${source} ${problem}; it cannot be sent as the ${API_KEY_HEADER} header`);
  return apiKey;
}

/** `validateResponses`: off, warn or throw. */
export function checkValidateResponses(value: ValidateResponsesMode | undefined): ValidateResponsesMode {
  if (value === undefined) return "off";
  if (value === "off" || value === "warn" || value === "throw") return value;
  throw new TypeError(`validateResponses must be "off", "warn" or "throw", got ${JSON.stringify(value)}`);
}

/** An option that must be a function when given. */
export function checkFunction<T>(name: string, value: T | undefined): T | undefined {
  if (value !== undefined && typeof value !== "function") throw new TypeError(`createHyperbrowserClient: \`${name}\` must be a function, got ${describeType(value)}`);
  return value;
}

/** An option that must be an object when given. */
export function checkObject<T extends object>(name: string, value: T | undefined): T | undefined {
  if (value !== undefined && (typeof value !== "object" || value === null)) throw new TypeError(`createHyperbrowserClient: \`${name}\` must be an object, got ${describeType(value)}`);
  return value;
}

/** `logger`: debug, info and warn functions (`console` fits). */
export function checkLogger(logger: HyperbrowserLogger | undefined): HyperbrowserLogger | undefined {
  if (logger === undefined) return undefined;
  const missing = (["debug", "info", "warn"] as const).filter((method) => typeof (logger as unknown as Record<string, unknown> | null)?.[method] !== "function");
  if (typeof logger !== "object" || logger === null || missing.length > 0) {
    throw new TypeError(`createHyperbrowserClient: \`logger\` must be an object with debug, info and warn functions (\`console\` fits), got ${describeType(logger)}`);
  }
  return logger;
}

/** `hooks`: each one given is a function. */
export function checkHooks(hooks: HyperbrowserHooks | undefined): HyperbrowserHooks | undefined {
  if (hooks === undefined) return undefined;
  checkObject("hooks", hooks);
  for (const name of ["onRequest", "onResponse", "onRetry", "onGiveUp"] as const) {
    const hook = (hooks as Record<string, unknown>)[name];
    if (hook !== undefined && typeof hook !== "function") throw new TypeError(`createHyperbrowserClient: \`hooks.${name}\` must be a function, got ${describeType(hook)}`);
  }
  return hooks;
}

/** `telemetry`: false, or settings with providers that can give a tracer and a meter. */
export function checkTelemetry(telemetry: TelemetryOptions | false | undefined): TelemetryOptions | false | undefined {
  if (telemetry === undefined || telemetry === false) return telemetry;
  checkObject("telemetry", telemetry);
  if (telemetry.attemptSpans !== undefined && !["auto", "always", "never"].includes(telemetry.attemptSpans)) {
    throw new TypeError(`createHyperbrowserClient: \`telemetry.attemptSpans\` must be "auto", "always" or "never", got ${JSON.stringify(telemetry.attemptSpans)}`);
  }
  if (telemetry.tracerProvider !== undefined && typeof telemetry.tracerProvider?.getTracer !== "function") throw new TypeError("createHyperbrowserClient: `telemetry.tracerProvider` must have getTracer()");
  if (telemetry.meterProvider !== undefined && typeof telemetry.meterProvider?.getMeter !== "function") throw new TypeError("createHyperbrowserClient: `telemetry.meterProvider` must have getMeter()");
  return telemetry;
}

/** `clock`: now, wallTime and sleep functions. */
export function checkClock(clock: Clock | undefined): Clock | undefined {
  if (clock === undefined) return undefined;
  const missing = (["now", "wallTime", "sleep"] as const).filter((method) => typeof (clock as unknown as Record<string, unknown> | null)?.[method] !== "function");
  if (missing.length > 0) throw new TypeError(`createHyperbrowserClient: \`clock\` must have now, wallTime and sleep functions; missing ${missing.join(", ")}`);
  return clock;
}

/** `maxSockets`: an integer from 1 to 10000. */
export function checkMaxSockets(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > 10_000) throw new TypeError(`createHyperbrowserClient: \`maxSockets\` must be an integer from 1 to 10000, got ${String(value)}`);
  return value;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  // Numbers and booleans are shown; strings never are (they could be a secret).
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return typeof value;
}

/** `baseUrl`: an absolute http(s) URL without credentials, query or fragment; returned without a trailing slash. */
export function checkBaseUrl(value: string): string {
  if (typeof value !== "string") throw new TypeError(`createHyperbrowserClient: baseUrl must be a string, got ${describeType(value)}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError("createHyperbrowserClient: baseUrl is not an absolute URL");
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
