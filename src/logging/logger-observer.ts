import type { TransportObserver } from "../http/observer.js";
import type { HyperbrowserLogger } from "./logger.js";
import { redactHeaders, redactText } from "../internal/redact.js";

/** The logger as an observer: a debug line per attempt and response, info per retry, a warning per give-up. */
export function createLoggerObserver(logger: HyperbrowserLogger | undefined): TransportObserver | undefined {
  if (!logger) return undefined;
  return {
    attemptStart: (call, attempt, headers) =>
      logger.debug("hyperbrowser: request", { method: call.method, url: redactText(call.url), attempt, clientRequestId: call.clientRequestId, headers: redactHeaders(headers) }),
    attemptEnd: (call, summary) => {
      if (summary.status !== undefined) {
        logger.debug("hyperbrowser: response", { status: summary.status, attempt: summary.attempt, clientRequestId: call.clientRequestId, durationMs: Math.round(summary.durationMs) });
      }
    },
    retry: (call, event) => logger.info("hyperbrowser: retrying", { attempt: event.attempt, clientRequestId: call.clientRequestId, delayMs: Math.round(event.delayMs), reason: event.reason, outcome: redactText(event.cause) }),
    giveUp: (call, event) => logger.warn("hyperbrowser: giving up", { attempts: event.attempts, clientRequestId: call.clientRequestId, why: redactText(event.detail), outcome: redactText(event.cause) }),
  };
}
