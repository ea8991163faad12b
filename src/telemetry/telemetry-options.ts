/** A tracer provider, structurally (`trace.getTracerProvider()`, an SDK's `NodeTracerProvider`…). */
export interface TracerProviderLike {
  getTracer(name: string, version?: string): object;
}

/** A meter provider, structurally (`metrics.getMeterProvider()`, an SDK's `MeterProvider`…). */
export interface MeterProviderLike {
  getMeter(name: string, version?: string): object;
}

/**
 * OpenTelemetry settings. Telemetry needs `@opentelemetry/api` installed (an optional peer dependency);
 * without it, and with `telemetry: false`, nothing is traced or measured and nothing extra loads.
 */
export interface TelemetryOptions {
  /** @default the globally registered one (`trace.getTracerProvider()`) */
  tracerProvider?: TracerProviderLike | undefined;
  /** @default the globally registered one (`metrics.getMeterProvider()`) */
  meterProvider?: MeterProviderLike | undefined;
  /**
   * Sends the active trace context with each request (W3C `traceparent` with the default propagator).
   * @default true
   */
  propagation?: boolean | undefined;
  /**
   * A CLIENT span per attempt: `"auto"` makes one unless `node:http` is already instrumented
   * (`@opentelemetry/instrumentation-http` makes its own, which then becomes the child of this client's
   * INTERNAL span); `"always"` / `"never"` decide regardless (use `"never"` when a `fetch` you pass is
   * instrumented, by `@opentelemetry/instrumentation-undici` for instance).
   * @default "auto"
   */
  attemptSpans?: "auto" | "always" | "never" | undefined;
}
