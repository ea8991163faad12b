import { afterEach, describe, expect, it } from "vitest";
import { createHyperbrowserClient, type HyperbrowserLogger } from "../../src/index.js";
import { createOtelHarness } from "../support/otel-harness.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const SESSION = JSON.stringify({ id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active" });
const JSON_TYPE = { "content-type": "application/json" };
// RFC 9745: a structured date (2023-06-30T23:59:59Z); RFC 8594: an HTTP date.
const NOTICE = { deprecation: "@1688169599", sunset: "Wed, 11 Nov 2026 23:59:59 GMT" };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function recordingLogger() {
  const warnings: { message: string; fields: Record<string, unknown> }[] = [];
  const logger: HyperbrowserLogger = {
    debug() {},
    info() {},
    warn: (message, fields) => warnings.push({ message, fields }),
  };
  return { logger, warnings };
}

async function clientWith(headersFor: (path: string) => Record<string, string>) {
  server = await startTestServer((request, response) =>
    send(response, 200, SESSION, { ...JSON_TYPE, ...headersFor(request.url ?? "") }),
  );
  const otel = createOtelHarness();
  const { logger, warnings } = recordingLogger();
  const client = createHyperbrowserClient({
    apiKey: "k",
    baseUrl: server.url,
    logger,
    telemetry: { tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider },
  });
  const deprecationEvents = () =>
    otel
      .spans()
      .flatMap((span) => span.events)
      .filter((event) => event.name === "hyperbrowser.deprecation")
      .map((event) => event.attributes);
  return { client, warnings, deprecationEvents };
}

describe("Deprecation (RFC 9745) and Sunset (RFC 8594) response headers", () => {
  it("are logged once per operation (warn) and recorded as a span event on every call", async () => {
    const { client, warnings, deprecationEvents } = await clientWith(() => NOTICE);
    await client.sessions.get("a");
    await client.sessions.get("b");
    await client.raw.GET("/api/session/{id}", { params: { path: { id: "c" } } });

    const deprecated = warnings.filter((warning) => /deprecated/.test(warning.message));
    expect(deprecated).toHaveLength(1);
    expect(deprecated[0]?.fields).toMatchObject({
      operation: "GET /api/session/{id}",
      deprecation: "2023-06-30T23:59:59.000Z",
      sunset: "2026-11-11T23:59:59.000Z",
    });
    expect(deprecationEvents()).toEqual(
      Array.from({ length: 3 }, () => ({
        "hyperbrowser.operation": "GET /api/session/{id}",
        "hyperbrowser.deprecation.date": "2023-06-30T23:59:59.000Z",
        "hyperbrowser.sunset.date": "2026-11-11T23:59:59.000Z",
      })),
    );
    await client.close();
  });

  it("a Sunset header alone counts; a value that is no date is passed on without control characters", async () => {
    const { client, warnings, deprecationEvents } = await clientWith(() => ({ sunset: "soon\t, really" }));
    await client.sessions.get("a");
    expect(warnings.filter((warning) => /deprecated/.test(warning.message)).map((warning) => warning.fields)).toEqual([
      expect.objectContaining({ operation: "GET /api/session/{id}", deprecation: undefined, sunset: "soon, really" }),
    ]);
    expect(deprecationEvents()).toEqual([
      { "hyperbrowser.operation": "GET /api/session/{id}", "hyperbrowser.sunset.date": "soon, really" },
    ]);
    await client.close();
  });

  it("a response without either header: no warning, no event", async () => {
    const { client, warnings, deprecationEvents } = await clientWith(() => ({}));
    await client.sessions.get("a");
    expect(warnings).toEqual([]);
    expect(deprecationEvents()).toEqual([]);
    await client.close();
  });
});
