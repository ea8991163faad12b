import type { DeprecationNotice } from "./deprecation-notice.js";

/** One logical call, as observers see it; observers key their own state on this object. */
export interface ObservedCall {
  method: string;
  url: string;
  urlTemplate: string | undefined;
  clientRequestId: string;
}

/** How an attempt ended, for observers. */
export interface AttemptSummary {
  attempt: number;
  durationMs: number;
  /** The response status, when there was a response. */
  status: number | undefined;
  /** Low-cardinality failure type: the status code of a 4xx/5xx, or the error class name. */
  errorType: string | undefined;
  requestId: string | undefined;
  /** The outcome in a few words, for logs. */
  description: string;
  /** Present when the response had a `Deprecation` or `Sunset` header. */
  deprecation?: DeprecationNotice;
}

/** The transport will wait, then send the call again (the hooks' `HyperbrowserRetryEvent` without the call). */
export interface RetryNotice {
  attempt: number;
  delayMs: number;
  reason: "backoff" | "retry-after";
  cause: string;
}

/** Why the transport stopped retrying a retryable failure. */
export type GiveUpReason = "retries-exhausted" | "budget-exhausted" | "retry-after-too-long" | "deadline";

/** A retryable failure the transport will not retry (the hooks' `HyperbrowserGiveUpEvent` without the call). */
export interface GiveUpNotice {
  attempts: number;
  reason: GiveUpReason;
  detail: string;
  cause: string;
}

/** How a call ended. */
export interface CallSummary {
  attempts: number;
  status: number | undefined;
  errorType: string | undefined;
}

/**
 * What the transport reports while it works; the logger, the hooks and OpenTelemetry each implement the
 * parts they need. The transport holds none when nothing observes, and then pays nothing.
 */
export interface TransportObserver {
  callStart?(call: ObservedCall): void;
  /** Before an attempt; `headers` are the outgoing ones and may be added to (trace context). */
  attemptStart?(call: ObservedCall, attempt: number, headers: Record<string, string>): void;
  /** Runs the attempt (in a trace context, for instance). */
  runAttempt?<T>(call: ObservedCall, attempt: number, send: () => Promise<T>): Promise<T>;
  attemptEnd?(call: ObservedCall, summary: AttemptSummary): void;
  retry?(call: ObservedCall, event: RetryNotice): void;
  giveUp?(call: ObservedCall, event: GiveUpNotice): void;
  callEnd?(call: ObservedCall, summary: CallSummary): void;
  /** A 2xx body broke the spec (`validateResponses`). */
  validationFailed?(operation: string): void;
  /** The client is closing. */
  close?(): void;
}

/** One observer that forwards to several; undefined when there are none. */
export function composeObservers(observers: readonly (TransportObserver | undefined)[]): TransportObserver | undefined {
  const present = observers.filter((observer): observer is TransportObserver => observer !== undefined);
  if (present.length <= 1) return present[0];
  const each = <K extends keyof TransportObserver>(key: K) => present.filter((observer) => observer[key] !== undefined);
  const [callStarts, attemptStarts, runners, attemptEnds, retries, giveUps, callEnds, validations, closes] = [
    each("callStart"),
    each("attemptStart"),
    each("runAttempt"),
    each("attemptEnd"),
    each("retry"),
    each("giveUp"),
    each("callEnd"),
    each("validationFailed"),
    each("close"),
  ];
  return {
    callStart: (call) => callStarts.forEach((observer) => observer.callStart?.(call)),
    attemptStart: (call, attempt, headers) =>
      attemptStarts.forEach((observer) => observer.attemptStart?.(call, attempt, headers)),
    ...(runners.length > 0
      ? {
          runAttempt: <T>(call: ObservedCall, attempt: number, send: () => Promise<T>) =>
            runners.reduceRight<() => Promise<T>>(
              (next, observer) => () => observer.runAttempt?.(call, attempt, next) ?? next(),
              send,
            )(),
        }
      : {}),
    attemptEnd: (call, summary) => attemptEnds.forEach((observer) => observer.attemptEnd?.(call, summary)),
    retry: (call, event) => retries.forEach((observer) => observer.retry?.(call, event)),
    giveUp: (call, event) => giveUps.forEach((observer) => observer.giveUp?.(call, event)),
    callEnd: (call, summary) => callEnds.forEach((observer) => observer.callEnd?.(call, summary)),
    validationFailed: (operation) => validations.forEach((observer) => observer.validationFailed?.(operation)),
    close: () => closes.forEach((observer) => observer.close?.()),
  };
}
