import { redactHeaders } from "../internal/redact.js";
import type { HyperbrowserHooks } from "./events.js";
import type { TransportObserver } from "../http/observer.js";

/** Where a failing hook is reported: the client's logger, or `console`. */
export interface HookFailureReporter {
  warn(message: string, fields: Record<string, unknown>): void;
}

/** The client's hooks as an observer; a hook that throws or rejects is reported, never passed on. */
export function createHooksObserver(hooks: HyperbrowserHooks | undefined, reporter: HookFailureReporter): TransportObserver | undefined {
  if (!hooks || !(hooks.onRequest || hooks.onResponse || hooks.onRetry || hooks.onGiveUp)) return undefined;
  const report = (name: string, error: unknown) => reporter.warn(`hyperbrowser: hook ${name} threw; the call goes on`, { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  const call = <E>(name: keyof HyperbrowserHooks, hook: ((event: E) => unknown) | undefined, event: E) => {
    if (!hook) return;
    try {
      const result = hook(event);
      if (result instanceof Promise) result.catch((error: unknown) => report(name, error));
    } catch (error) {
      report(name, error);
    }
  };
  return {
    attemptStart: (info, attempt, headers) => call("onRequest", hooks.onRequest, { ...info, attempt, headers: redactHeaders(headers) }),
    attemptEnd: (info, summary) => {
      if (summary.status !== undefined) call("onResponse", hooks.onResponse, { ...info, attempt: summary.attempt, status: summary.status, durationMs: summary.durationMs, requestId: summary.requestId });
    },
    retry: (info, event) => call("onRetry", hooks.onRetry, { ...info, ...event }),
    giveUp: (info, event) => call("onGiveUp", hooks.onGiveUp, { ...info, ...event }),
  };
}
