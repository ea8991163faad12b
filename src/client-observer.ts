import { composeObservers, type TransportObserver } from "./http/observer.js";
import { guardLogger } from "./logging/guard-logger.js";
import type { HyperbrowserLogger } from "./logging/logger.js";
import { createLoggerObserver } from "./logging/logger-observer.js";
import type { RetryBudget } from "./retry/retry-budget.js";
import type { HyperbrowserHooks } from "./telemetry/events.js";
import { createHooksObserver } from "./telemetry/hooks-observer.js";
import { loadOpenTelemetryApi } from "./telemetry/load-otel-api.js";
import { createOtelObserver } from "./telemetry/otel-observer.js";
import type { TelemetryOptions } from "./telemetry/telemetry-options.js";
import { unbracketHost } from "./internal/host.js";

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
    throw new TypeError(
      "createHyperbrowserClient: `telemetry` needs @opentelemetry/api; install it (npm install " +
        "@opentelemetry/api) or leave `telemetry` out",
    );
  }
  const url = new URL(options.baseUrl);
  return composeObservers([
    // Guarded: a logger that throws must not change the call's outcome (nor its report of a failing hook).
    createLoggerObserver(options.logger && guardLogger(options.logger)),
    createHooksObserver(options.hooks, guardLogger(options.logger ?? console)),
    otel
      ? createOtelObserver(otel, {
          options: options.telemetry || {},
          serverAddress: unbracketHost(url.hostname),
          serverPort: Number(url.port || (url.protocol === "https:" ? 443 : 80)),
          budget: options.retryBudget,
        })
      : undefined,
  ]);
}
