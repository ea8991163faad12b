import { createRequire } from "node:module";
import { SpanKind } from "@opentelemetry/api";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHyperbrowserClient } from "../../src/index.js";
import { createOtelHarness } from "../support/otel-harness.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

// Its own file (its own process): instrumenting node:http patches the module for everything after it.
const otel = createOtelHarness();
const instrumentation = new HttpInstrumentation();
let server: TestServer;

beforeAll(async () => {
  instrumentation.setTracerProvider(otel.tracerProvider);
  instrumentation.enable();
  // The instrumentation patches node:http when it is required; the client reaches the same module object.
  createRequire(import.meta.url)("node:http");
  server = await startTestServer((_request, response) =>
    send(response, 200, '{"id":"s","status":"active"}', { "content-type": "application/json" }),
  );
});
afterAll(async () => {
  instrumentation.disable();
  await server.close();
});

const ours = (span: ReadableSpan) => span.instrumentationScope.name === "@internal/hyperbrowser-session-client";
const clientSpans = () => otel.spans().filter((span) => span.kind === SpanKind.CLIENT);

describe("when @opentelemetry/instrumentation-http already instruments node:http", () => {
  it(
    "auto: no duplicate CLIENT span; the instrumentation's span is the child of this client's INTERNAL span and " +
      "carries the traceparent",
    async () => {
      const client = createHyperbrowserClient({
        apiKey: "k",
        baseUrl: server.url,
        telemetry: { tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider },
      });
      await client.sessions.get("s");
      const call = otel.spans().find((span) => span.kind === SpanKind.INTERNAL && ours(span));
      const attempts = clientSpans();
      expect(attempts).toHaveLength(1);
      expect(attempts[0]?.instrumentationScope.name).toBe("@opentelemetry/instrumentation-http");
      expect(attempts[0]?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
      expect(server.requests.at(-1)?.headers["traceparent"]).toContain(attempts[0]?.spanContext().spanId);
      await client.close();
    },
  );

  it('attemptSpans: "always" makes this client\'s CLIENT span too (the documented switch)', async () => {
    const before = clientSpans().length;
    const client = createHyperbrowserClient({
      apiKey: "k",
      baseUrl: server.url,
      telemetry: { tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider, attemptSpans: "always" },
    });
    await client.sessions.get("s");
    const added = clientSpans().slice(before);
    expect(added.map((span) => span.instrumentationScope.name).sort()).toEqual([
      "@internal/hyperbrowser-session-client",
      "@opentelemetry/instrumentation-http",
    ]);
    await client.close();
  });
});
