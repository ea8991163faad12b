import { operationOf } from "../http/deprecation-notice.js";
import type { TransportObserver } from "../http/observer.js";
import type { HyperbrowserLogger } from "./logger.js";
import { redactHeaders, redactText } from "../internal/redact.js";

// Operations already warned about as deprecated; bounded, since without a path template each path counts.
const MAX_DEPRECATED_OPERATIONS = 1000;

/**
 * The logger as an observer: a debug line per attempt and response, info per retry, a warning per give-up,
 * and a warning the first time an operation answers with a `Deprecation` or `Sunset` header.
 */
export function createLoggerObserver(logger: HyperbrowserLogger | undefined): TransportObserver | undefined {
  if (!logger) return undefined;
  const warnedDeprecated = new Set<string>();
  return {
    attemptStart: (call, attempt, headers) =>
      logger.debug("hyperbrowser: request", {
        method: call.method,
        url: redactText(call.url),
        attempt,
        clientRequestId: call.clientRequestId,
        headers: redactHeaders(headers),
      }),
    attemptEnd: (call, summary) => {
      if (summary.status !== undefined) {
        logger.debug("hyperbrowser: response", {
          status: summary.status,
          attempt: summary.attempt,
          clientRequestId: call.clientRequestId,
          durationMs: Math.round(summary.durationMs),
        });
      }
      const notice = summary.deprecation;
      const operation = notice && operationOf(call);
      if (
        notice &&
        operation &&
        !warnedDeprecated.has(operation) &&
        warnedDeprecated.size < MAX_DEPRECATED_OPERATIONS
      ) {
        warnedDeprecated.add(operation);
        logger.warn("hyperbrowser: the API says this operation is deprecated", {
          operation,
          deprecation: notice.deprecation,
          sunset: notice.sunset,
          clientRequestId: call.clientRequestId,
        });
      }
    },
    retry: (call, event) =>
      logger.info("hyperbrowser: retrying", {
        attempt: event.attempt,
        clientRequestId: call.clientRequestId,
        delayMs: Math.round(event.delayMs),
        reason: event.reason,
        outcome: redactText(event.cause),
      }),
    giveUp: (call, event) =>
      logger.warn("hyperbrowser: giving up", {
        attempts: event.attempts,
        clientRequestId: call.clientRequestId,
        why: redactText(event.detail),
        outcome: redactText(event.cause),
      }),
  };
}
