import { describeThrown, settleQuietly } from "../internal/settle-quietly.js";
import { redactHeaders, redactText } from "../internal/redact.js";
import type { HyperbrowserHooks } from "./events.js";
import type { ObservedCall, TransportObserver } from "../http/observer.js";

/** Where a failing hook is reported: the client's logger, or `console` (guarded by the caller). */
export interface HookFailureReporter {
  warn(message: string, fields: Record<string, unknown>): void;
}

/** The client's hooks as an observer; a hook that throws or rejects is reported, never passed on. */
export function createHooksObserver(
  hooks: HyperbrowserHooks | undefined,
  reporter: HookFailureReporter,
): TransportObserver | undefined {
  if (!hooks || !(hooks.onRequest || hooks.onResponse || hooks.onRetry || hooks.onGiveUp)) return undefined;
  // The report is guarded here too: a reporter that throws or rejects must not reach the call or the process.
  const warn = (message: string, fields: Record<string, unknown>) =>
    settleQuietly(
      () => reporter.warn(message, fields),
      () => undefined,
    );
  const call = <E>(name: keyof HyperbrowserHooks, hook: ((event: E) => unknown) | undefined, event: E) => {
    if (!hook) return;
    settleQuietly(
      () => hook(event),
      (error) =>
        warn(`hyperbrowser: hook ${name} threw; the call goes on`, { error: redactText(describeThrown(error)) }),
    );
  };
  return {
    attemptStart: (info, attempt, headers) =>
      call("onRequest", hooks.onRequest, { ...shown(info), attempt, headers: redactHeaders(headers) }),
    attemptEnd: (info, summary) => {
      if (summary.status !== undefined)
        call("onResponse", hooks.onResponse, {
          ...shown(info),
          attempt: summary.attempt,
          status: summary.status,
          durationMs: summary.durationMs,
          requestId: summary.requestId,
        });
    },
    retry: (info, event) =>
      call("onRetry", hooks.onRetry, { ...shown(info), ...event, cause: redactText(event.cause) }),
    giveUp: (info, event) =>
      call("onGiveUp", hooks.onGiveUp, {
        ...shown(info),
        ...event,
        detail: redactText(event.detail),
        cause: redactText(event.cause),
      }),
  };
}

/** The call as a hook sees it: the URL without secrets. */
function shown(call: ObservedCall): ObservedCall {
  return { ...call, url: redactText(call.url) };
}
