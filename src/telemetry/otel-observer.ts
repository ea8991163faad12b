import { redactText } from "../internal/redact.js";
import type { Attributes, Context, Counter, Histogram, Meter, ObservableGauge, Span, Tracer } from "@opentelemetry/api";
import type { RetryBudget } from "../retry/retry-budget.js";
import { CLIENT_VERSION } from "../version.js";
import { operationOf, type DeprecationNotice } from "../http/deprecation-notice.js";
import { isNodeHttpInstrumented } from "./http-instrumentation.js";
import type { OpenTelemetryApi } from "./load-otel-api.js";
import type { AttemptSummary, ObservedCall, TransportObserver } from "../http/observer.js";
import type { TelemetryOptions } from "./telemetry-options.js";

// The instrumentation scope's name: the package's.
const INSTRUMENTATION_NAME = "@internal/hyperbrowser-session-client";
// The HTTP semantic conventions' advice for `http.client.request.duration` (seconds).
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

interface CallState {
  span: Span;
  context: Context;
  attempt?: { span: Span | undefined; context: Context; started: number };
}

/** What the observer needs of the client. */
export interface OtelObserverSettings {
  options: TelemetryOptions;
  /** The API origin's host and port, for `server.address` / `server.port`. */
  serverAddress: string;
  serverPort: number;
  budget: RetryBudget | undefined;
}

/**
 * Traces and metrics after the OpenTelemetry HTTP semantic conventions: an INTERNAL span per call
 * (`GET /api/session/{id}`) with its attempts, outcome and error type, a CLIENT span per attempt with the
 * stable HTTP client attributes, retry waits as span events, `http.client.request.duration` per attempt,
 * and this package's own counters and the retry budget's tokens.
 */
export function createOtelObserver(api: OpenTelemetryApi, settings: OtelObserverSettings): TransportObserver {
  const { options, serverAddress, serverPort } = settings;
  const tracer = (options.tracerProvider ?? api.trace.getTracerProvider()).getTracer(
    INSTRUMENTATION_NAME,
    CLIENT_VERSION,
  ) as Tracer;
  const meter = (options.meterProvider ?? api.metrics.getMeterProvider()).getMeter(
    INSTRUMENTATION_NAME,
    CLIENT_VERSION,
  ) as Meter;
  const propagate = options.propagation !== false;
  const attemptSpans = options.attemptSpans ?? "auto";
  const instruments = createInstruments(api, meter);
  const budgetGauge = settings.budget
    ? observeBudget(meter, settings.budget, { "server.address": serverAddress })
    : undefined;
  const calls = new WeakMap<ObservedCall, CallState>();
  const spanName = (call: ObservedCall) => (call.urlTemplate ? `${call.method} ${call.urlTemplate}` : call.method);

  return {
    callStart(call) {
      const parent = api.context.active();
      const span = tracer.startSpan(spanName(call), { kind: api.SpanKind.INTERNAL }, parent);
      // With no SDK (or when sampled out) spans do not record: skip building what nobody keeps.
      if (span.isRecording()) span.setAttributes(callAttributes(call));
      calls.set(call, { span, context: api.trace.setSpan(parent, span) });
    },
    attemptStart(call, attempt, headers) {
      const state = calls.get(call);
      if (!state) return;
      const ownSpan =
        state.span.isRecording() &&
        (attemptSpans === "always" || (attemptSpans === "auto" && !isNodeHttpInstrumented()));
      const span = ownSpan
        ? tracer.startSpan(
            spanName(call),
            { kind: api.SpanKind.CLIENT, attributes: attemptAttributes(call, attempt, serverAddress, serverPort) },
            state.context,
          )
        : undefined;
      const context = span ? api.trace.setSpan(state.context, span) : state.context;
      state.attempt = { span, context, started: performance.now() };
      if (propagate) api.propagation.inject(context, headers);
    },
    // An instrumented node:http then parents its CLIENT span to this call's span.
    runAttempt: (call, _attempt, send) => {
      const context = calls.get(call)?.attempt?.context;
      return context ? api.context.with(context, send) : send();
    },
    attemptEnd(call, summary) {
      const state = calls.get(call);
      const span = state?.attempt?.span;
      if (span) endAttemptSpan(api, span, summary);
      if (summary.deprecation)
        state?.span.addEvent("hyperbrowser.deprecation", deprecationAttributes(call, summary.deprecation));
      instruments.duration.record(
        summary.durationMs / 1000,
        metricAttributes(call, summary, serverAddress, serverPort),
      );
      instruments.attempts.add(1, {
        "http.request.method": call.method,
        ...(summary.errorType ? { "error.type": summary.errorType } : {}),
      });
    },
    retry(call, event) {
      calls.get(call)?.span.addEvent("hyperbrowser.retry", {
        "hyperbrowser.retry.attempt": event.attempt,
        "hyperbrowser.retry.delay_ms": Math.round(event.delayMs),
        "hyperbrowser.retry.reason": event.reason,
        "hyperbrowser.retry.cause": redactText(event.cause),
      });
    },
    giveUp(call, event) {
      calls.get(call)?.span.addEvent("hyperbrowser.give_up", {
        "hyperbrowser.give_up.reason": event.reason,
        "hyperbrowser.give_up.detail": redactText(event.detail),
      });
      if (event.reason === "budget-exhausted") instruments.refused.add(1, { "http.request.method": call.method });
    },
    callEnd(call, summary) {
      const state = calls.get(call);
      calls.delete(call);
      const outcome = summary.errorType === undefined ? "success" : "error";
      instruments.calls.add(1, {
        "http.request.method": call.method,
        "hyperbrowser.outcome": outcome,
        ...(summary.errorType ? { "error.type": summary.errorType } : {}),
      });
      if (!state) return;
      if (!state.span.isRecording()) {
        state.span.end();
        return;
      }
      state.span.setAttributes({
        "hyperbrowser.attempts": summary.attempts,
        "hyperbrowser.outcome": outcome,
        ...(summary.status !== undefined ? { "http.response.status_code": summary.status } : {}),
        ...(summary.errorType ? { "error.type": summary.errorType } : {}),
      });
      if (summary.errorType) state.span.setStatus({ code: api.SpanStatusCode.ERROR });
      state.span.end();
    },
    validationFailed(operation) {
      instruments.validationFailures.add(1, { "hyperbrowser.operation": operation });
    },
    close() {
      budgetGauge?.();
    },
  };
}

function callAttributes(call: ObservedCall): Attributes {
  return {
    "http.request.method": call.method,
    ...(call.urlTemplate ? { "url.template": call.urlTemplate } : {}),
    "hyperbrowser.client_request_id": call.clientRequestId,
  };
}

function attemptAttributes(call: ObservedCall, attempt: number, serverAddress: string, serverPort: number): Attributes {
  return {
    "http.request.method": call.method,
    "server.address": serverAddress,
    "server.port": serverPort,
    "url.full": redactText(call.url),
    ...(call.urlTemplate ? { "url.template": call.urlTemplate } : {}),
    ...(attempt > 1 ? { "http.request.resend_count": attempt - 1 } : {}),
  };
}

function deprecationAttributes(call: ObservedCall, notice: DeprecationNotice): Attributes {
  return {
    "hyperbrowser.operation": operationOf(call),
    ...(notice.deprecation !== undefined ? { "hyperbrowser.deprecation.date": notice.deprecation } : {}),
    ...(notice.sunset !== undefined ? { "hyperbrowser.sunset.date": notice.sunset } : {}),
  };
}

function endAttemptSpan(api: OpenTelemetryApi, span: Span, summary: AttemptSummary): void {
  if (summary.status !== undefined) span.setAttribute("http.response.status_code", summary.status);
  if (summary.errorType) {
    span.setAttribute("error.type", summary.errorType);
    span.setStatus({ code: api.SpanStatusCode.ERROR });
  }
  span.end();
}

function metricAttributes(
  call: ObservedCall,
  summary: AttemptSummary,
  serverAddress: string,
  serverPort: number,
): Attributes {
  return {
    "http.request.method": call.method,
    "server.address": serverAddress,
    "server.port": serverPort,
    ...(summary.status !== undefined ? { "http.response.status_code": summary.status } : {}),
    ...(summary.errorType ? { "error.type": summary.errorType } : {}),
  };
}

function createInstruments(
  api: OpenTelemetryApi,
  meter: Meter,
): { duration: Histogram; calls: Counter; attempts: Counter; refused: Counter; validationFailures: Counter } {
  return {
    duration: meter.createHistogram("http.client.request.duration", {
      description: "Duration of HTTP client requests (one per attempt).",
      unit: "s",
      valueType: api.ValueType.DOUBLE,
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    }),
    calls: meter.createCounter("hyperbrowser.client.calls", {
      description: "Calls by outcome (all attempts of one call count once).",
      unit: "{call}",
    }),
    attempts: meter.createCounter("hyperbrowser.client.attempts", {
      description: "Attempts sent, retries included.",
      unit: "{attempt}",
    }),
    refused: meter.createCounter("hyperbrowser.client.retries.refused", {
      description: "Retries the retry budget refused.",
      unit: "{retry}",
    }),
    validationFailures: meter.createCounter("hyperbrowser.client.validation.failures", {
      description: "2xx bodies that broke the spec (validateResponses).",
      unit: "{response}",
    }),
  };
}

/** Reports the budget's tokens as an observable gauge; returns a function that stops it. */
function observeBudget(meter: Meter, budget: RetryBudget, attributes: Attributes): () => void {
  const gauge: ObservableGauge = meter.createObservableGauge("hyperbrowser.client.retry_budget.tokens", {
    description: "Tokens left in the retry budget of a client (retries are allowed above half of maxTokens).",
    unit: "{token}",
  });
  const callback = (result: { observe(value: number, attributes?: Attributes): void }) =>
    result.observe(budget.tokens, attributes);
  gauge.addCallback(callback);
  return () => gauge.removeCallback(callback);
}
