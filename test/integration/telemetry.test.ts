import type { ServerResponse } from "node:http";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { MetricData } from "@opentelemetry/sdk-metrics";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHyperbrowserClient, type HyperbrowserClientOptions } from "../../src/index.js";
import { createOtelHarness } from "../support/otel-harness.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const API_KEY = "hb_live_OTEL_SECRET_KEY";
const TOKEN = "SESSION_TOKEN_OTEL_abcdef";
const SESSION = JSON.stringify({ id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active", token: TOKEN });
const JSON_TYPE = { "content-type": "application/json" };
let otel = createOtelHarness();
let server: TestServer | undefined;
beforeEach(() => {
  otel = createOtelHarness();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(
  handler: (response: ServerResponse, call: number) => void,
  options: HyperbrowserClientOptions = {},
) {
  let calls = 0;
  server = await startTestServer((_request, response) => handler(response, (calls += 1)));
  const url = new URL(server.url);
  const client = createHyperbrowserClient({
    apiKey: API_KEY,
    baseUrl: server.url,
    retry: { initialDelayMs: 5, jitter: 0 },
    telemetry: { tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider },
    ...options,
  });
  return { client, host: url.hostname, port: Number(url.port) };
}

const byKind = (kind: SpanKind) => otel.spans().filter((span) => span.kind === kind);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const points = (metric: MetricData | undefined) =>
  (metric?.dataPoints ?? []) as { attributes: Record<string, unknown>; value: unknown }[];

/** No attribute, event or metric anywhere holds the API key or the session token. */
async function expectNoSecrets() {
  const spans = otel.spans().map((span) => ({
    name: span.name,
    attributes: span.attributes,
    events: span.events.map((event) => event.attributes),
  }));
  const metrics = [...(await otel.metrics()).values()].map((metric) => points(metric).map((point) => point.attributes));
  const everything = JSON.stringify({ spans, metrics });
  expect(everything).not.toContain(API_KEY);
  expect(everything).not.toContain(TOKEN);
}

describe("OpenTelemetry traces and metrics (the real SDK, in-memory exporters)", () => {
  it("a success: one INTERNAL span per call, one CLIENT span per attempt, with HTTP semantic conventions", async () => {
    const { client, host, port } = await clientFor((response) => send(response, 200, SESSION, JSON_TYPE));
    await client.sessions.get("s-1");
    const [call] = byKind(SpanKind.INTERNAL);
    const [attempt] = byKind(SpanKind.CLIENT);
    expect(call?.name).toBe("GET /api/session/{id}");
    expect(call?.attributes).toMatchObject({
      "http.request.method": "GET",
      "url.template": "/api/session/{id}",
      "hyperbrowser.attempts": 1,
      "hyperbrowser.outcome": "success",
      "http.response.status_code": 200,
    });
    expect(call?.status.code).toBe(SpanStatusCode.UNSET);
    expect(attempt?.name).toBe("GET /api/session/{id}");
    expect(parentOf(attempt as ReadableSpan)).toBe(call?.spanContext().spanId);
    expect(attempt?.attributes).toEqual({
      "http.request.method": "GET",
      "server.address": host,
      "server.port": port,
      "url.full": `${server?.url}/api/session/s-1`,
      "url.template": "/api/session/{id}",
      "http.response.status_code": 200,
    });
    // The request carried the attempt's context (W3C traceparent through the registered propagator).
    expect(server?.requests[0]?.headers["traceparent"]).toBe(
      `00-${attempt?.spanContext().traceId}-${attempt?.spanContext().spanId}-01`,
    );
    const metrics = await otel.metrics();
    const duration = metrics.get("http.client.request.duration");
    expect(duration?.descriptor.unit).toBe("s");
    expect(points(duration)[0]?.attributes).toEqual({
      "http.request.method": "GET",
      "server.address": host,
      "server.port": port,
      "http.response.status_code": 200,
    });
    expect((points(duration)[0]?.value as { buckets: { boundaries: number[] } }).buckets.boundaries).toEqual([
      0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
    ]);
    expect(points(metrics.get("hyperbrowser.client.calls"))).toEqual([
      {
        attributes: { "http.request.method": "GET", "hyperbrowser.outcome": "success" },
        value: 1,
        startTime: expect.anything(),
        endTime: expect.anything(),
      },
    ]);
    expect(points(metrics.get("hyperbrowser.client.retry_budget.tokens"))[0]?.value).toBe(10);
    await expectNoSecrets();
    await client.close();
  });

  it("a 404: error status on both spans, error.type 404", async () => {
    const { client } = await clientFor((response) => send(response, 404, '{"message":"Session not found"}', JSON_TYPE));
    await client.sessions.get("missing").catch(() => undefined);
    const [call] = byKind(SpanKind.INTERNAL);
    const [attempt] = byKind(SpanKind.CLIENT);
    expect(attempt?.attributes).toMatchObject({ "http.response.status_code": 404, "error.type": "404" });
    expect(attempt?.status.code).toBe(SpanStatusCode.ERROR);
    expect(call?.attributes).toMatchObject({
      "hyperbrowser.outcome": "error",
      "error.type": "404",
      "hyperbrowser.attempts": 1,
    });
    expect(call?.status.code).toBe(SpanStatusCode.ERROR);
    await client.close();
  });

  it(
    "a 503 retried then successful: two CLIENT spans (resend_count 1 on the second), a retry event with delay " +
      "and reason",
    async () => {
      const { client } = await clientFor((response, call) =>
        call === 1
          ? send(response, 503, "{}", { ...JSON_TYPE, "retry-after": "0" })
          : send(response, 200, SESSION, JSON_TYPE),
      );
      await client.sessions.get("s");
      const attempts = byKind(SpanKind.CLIENT);
      expect(
        attempts.map((span) => [
          span.attributes["http.response.status_code"],
          span.attributes["http.request.resend_count"],
          span.status.code,
        ]),
      ).toEqual([
        [503, undefined, SpanStatusCode.ERROR],
        [200, 1, SpanStatusCode.UNSET],
      ]);
      const [call] = byKind(SpanKind.INTERNAL);
      expect(call?.attributes).toMatchObject({ "hyperbrowser.attempts": 2, "hyperbrowser.outcome": "success" });
      expect(call?.events.map((event) => [event.name, event.attributes])).toEqual([
        [
          "hyperbrowser.retry",
          {
            "hyperbrowser.retry.attempt": 1,
            "hyperbrowser.retry.delay_ms": 0,
            "hyperbrowser.retry.reason": "retry-after",
            "hyperbrowser.retry.cause": "status 503",
          },
        ],
      ]);
      const attemptsMetric = points((await otel.metrics()).get("hyperbrowser.client.attempts"));
      expect(attemptsMetric.map((point) => [point.attributes["error.type"], point.value])).toEqual([
        ["503", 1],
        [undefined, 1],
      ]);
      await client.close();
    },
  );

  it("a timeout: error.type HyperbrowserTimeoutError on the attempt and the call", async () => {
    const { client } = await clientFor(() => undefined, { timeoutMs: 100, maxRetries: 0 });
    await client.sessions.get("s").catch(() => undefined);
    expect(byKind(SpanKind.CLIENT)[0]?.attributes["error.type"]).toBe("HyperbrowserTimeoutError");
    expect(byKind(SpanKind.INTERNAL)[0]?.attributes).toMatchObject({
      "error.type": "HyperbrowserTimeoutError",
      "hyperbrowser.outcome": "error",
    });
    await client.close();
  });

  it("a retry refused by the budget: a give-up event and the refused-retries counter", async () => {
    const { client } = await clientFor((response) => send(response, 503, "{}", JSON_TYPE), {
      retryBudget: { maxTokens: 2, minRetriesPerSecond: 0, refillPerSecond: 0 },
    });
    await client.sessions.get("s").catch(() => undefined);
    const [call] = byKind(SpanKind.INTERNAL);
    expect(call?.events.at(-1)).toMatchObject({
      name: "hyperbrowser.give_up",
      attributes: { "hyperbrowser.give_up.reason": "budget-exhausted" },
    });
    const metrics = await otel.metrics();
    expect(points(metrics.get("hyperbrowser.client.retries.refused"))[0]?.value).toBe(1);
    // One failure took one of the two tokens: no more than half is left, so the retry was refused.
    expect(points(metrics.get("hyperbrowser.client.retry_budget.tokens"))[0]?.value).toBe(1);
    await client.close();
  });

  it("an abort: error.type HyperbrowserAbortError", async () => {
    const { client } = await clientFor(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await client.sessions.get("s", { signal: controller.signal }).catch(() => undefined);
    expect(byKind(SpanKind.CLIENT)[0]?.attributes["error.type"]).toBe("HyperbrowserAbortError");
    expect(byKind(SpanKind.INTERNAL)[0]?.attributes["error.type"]).toBe("HyperbrowserAbortError");
    await expectNoSecrets();
    await client.close();
  });

  it("the call span is a child of the caller's active span; propagation can be switched off", async () => {
    const { client } = await clientFor((response) => send(response, 200, SESSION, JSON_TYPE));
    const tracer = otel.tracerProvider.getTracer("test");
    await tracer.startActiveSpan("handler", async (span) => {
      await client.sessions.get("s");
      span.end();
    });
    const handler = otel.spans().find((span) => span.name === "handler");
    expect(parentOf(byKind(SpanKind.INTERNAL)[0] as ReadableSpan)).toBe(handler?.spanContext().spanId);
    const quiet = createHyperbrowserClient({
      apiKey: API_KEY,
      baseUrl: server?.url,
      telemetry: { tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider, propagation: false },
    });
    await quiet.sessions.get("s");
    expect(server?.requests.at(-1)?.headers["traceparent"]).toBeUndefined();
    await Promise.all([client.close(), quiet.close()]);
  });

  it("validation failures are counted", async () => {
    const { client } = await clientFor(
      (response) => send(response, 200, JSON.stringify({ id: "not-a-uuid", status: "paused" }), JSON_TYPE),
      { validateResponses: "warn", logger: { debug() {}, info() {}, warn() {} } },
    );
    await client.sessions.get("s");
    expect(points((await otel.metrics()).get("hyperbrowser.client.validation.failures"))[0]).toMatchObject({
      attributes: { "hyperbrowser.operation": "GET /api/session/{id}" },
      value: 1,
    });
    await client.close();
  });

  it("with no SDK registered (the global no-op providers), calls work and record nothing", async () => {
    server = await startTestServer((_request, response) => send(response, 200, SESSION, JSON_TYPE));
    const client = createHyperbrowserClient({ apiKey: API_KEY, baseUrl: server.url });
    await expect(client.sessions.get("s")).resolves.toMatchObject({ status: "active" });
    expect(trace.getActiveSpan()).toBeUndefined();
    expect(otel.spans()).toEqual([]);
    await client.close();
  });
});
