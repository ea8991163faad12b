import type { HyperbrowserLogger } from "../logging/logger.js";
import { guardLogger } from "../logging/guard-logger.js";
import { createLoggerObserver } from "../logging/logger-observer.js";
import type { RetryBudget } from "../retry/retry-budget.js";
import type { HyperbrowserHooks } from "./events.js";
import { createHooksObserver } from "./hooks-observer.js";
import { loadOpenTelemetryApi } from "./load-otel-api.js";
import { composeObservers, type TransportObserver } from "./observer.js";
import { createOtelObserver } from "./otel-observer.js";
import type { TelemetryOptions } from "./telemetry-options.js";

/** What a client's observers are made from. */
export interface ObserverSettings {
  baseUrl: string;
  logger: HyperbrowserLogger | undefined;
  hooks: HyperbrowserHooks | undefined;
  telemetry: TelemetryOptions | false | undefined;
  retryBudget: RetryBudget | undefined;
}

/**
 * Everything that watches a client's calls: the logger, the hooks, and OpenTelemetry (on by default
 * when `@opentelemetry/api` is installed; an explicit `telemetry` object without it is an error).
 * Undefined when nothing does, so the transport pays nothing.
 */
export function createClientObserver(options: ObserverSettings): TransportObserver | undefined {
  const otel = options.telemetry === false ? undefined : loadOpenTelemetryApi();
  if (options.telemetry !== undefined && options.telemetry !== false && !otel) {
    throw new TypeError("createHyperbrowserClient: `telemetry` needs @opentelemetry/api; install it (npm install @opentelemetry/api) or leave `telemetry` out");
  }
  const url = new URL(options.baseUrl);
  return composeObservers([
    // Guarded: a logger that throws must not change the call's outcome.
    createLoggerObserver(options.logger && guardLogger(options.logger)),
    createHooksObserver(options.hooks, options.logger),
    otel
      ? createOtelObserver(otel, {
          options: options.telemetry || {},
          serverAddress: url.hostname.replace(/^\[(.*)\]$/, "$1"),
          serverPort: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
          budget: options.retryBudget,
        })
      : undefined,
  ]);
}
