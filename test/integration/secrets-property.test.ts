import { createServer as createHttpServer } from "node:http";
import { inspect } from "node:util";
import { createProxy, type ProxyServer } from "proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHyperbrowserClient, type HyperbrowserLogger } from "../../src/index.js";
import { createFakeClock } from "../support/fake-clock.js";
import { createOtelHarness } from "../support/otel-harness.js";
import { buildSecretCase, forbiddenTexts, type SecretCase } from "../support/secret-cases.js";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const CASES = 200;
const FIRST_SEED = 0x5ec12e7;

let current: SecretCase | undefined;
let server: TestServer;
let proxy: ProxyServer;
let proxyPort: number;
const proxyLogins: string[] = [];

beforeAll(async () => {
  server = await startTestServer((_request, response) => {
    const answer = current;
    if (!answer) return send(response, 500, "no case");
    send(response, answer.status, answer.body, answer.headers);
  });
  proxy = createProxy(createHttpServer());
  // The proxy admits only the current case's credentials: a call that got through sent them.
  proxy.authenticate = (request) => {
    const { proxyUser, proxyPassword } = current?.secrets ?? { proxyUser: "", proxyPassword: "" };
    const admitted =
      request.headers["proxy-authorization"] ===
      `Basic ${Buffer.from(`${proxyUser}:${proxyPassword}`).toString("base64")}`;
    if (admitted) proxyLogins.push(proxyUser);
    return admitted;
  };
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const address = proxy.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no port");
  proxyPort = address.port;
});

afterAll(async () => {
  await server?.close();
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
});

function capturingLogger(): HyperbrowserLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, fields: Record<string, unknown>) =>
    void lines.push(`${level} ${message} ${JSON.stringify(fields)}`);
  return { lines, debug: record("debug"), info: record("info"), warn: record("warn") };
}

/** Every output of one call: the error in all its renderings, log lines, hook events, spans and metrics. */
async function runCase(secretCase: SecretCase): Promise<{ outputs: [string, string][]; succeeded: boolean }> {
  const { secrets } = secretCase;
  const logger = capturingLogger();
  const hookEvents: unknown[] = [];
  const record = (event: unknown) => void hookEvents.push(event);
  const otel = createOtelHarness();
  const proxyUrl =
    `http://${encodeURIComponent(secrets.proxyUser)}:${encodeURIComponent(secrets.proxyPassword)}` +
    `@127.0.0.1:${proxyPort}`;
  const client = createHyperbrowserClient({
    apiKey: secrets.apiKey,
    baseUrl: server.url,
    proxy: secretCase.viaProxy ? proxyUrl : false,
    maxRetries: secretCase.seed % 3,
    retryBudget: false,
    clock: createFakeClock(),
    validateResponses: secretCase.seed % 2 === 0 ? "warn" : "throw",
    logger,
    hooks: { onRequest: record, onResponse: record, onRetry: record, onGiveUp: record },
    telemetry: { tracerProvider: otel.tracerProvider, meterProvider: otel.meterProvider, attemptSpans: "always" },
  });
  const outputs: [string, string][] = [];
  let succeeded = false;
  try {
    current = secretCase;
    const result = await client.sessions.get(`s-${secretCase.seed}`).then(
      () => undefined,
      (error: unknown) => error,
    );
    // A session is the caller's data (it holds its token): only what the package itself says is checked.
    succeeded = result === undefined;
    if (result !== undefined) {
      const error = result as Error & Record<string, unknown>;
      outputs.push(
        ["message", error.message],
        ["stack", String(error.stack)],
        ["JSON.stringify", JSON.stringify(error)],
        ["inspect", inspect(error, { depth: 20, showHidden: true })],
        ["bodySnippet", String(error["bodySnippet"])],
        ["body", JSON.stringify(error["body"]) ?? ""],
        ["headers", JSON.stringify([...((error["headers"] as Headers | undefined) ?? new Headers())])],
      );
    }
    outputs.push(["inspect(client)", inspect(client, { depth: 10, showHidden: true })]);
  } finally {
    current = undefined;
    await client.close();
  }
  outputs.push(["log lines", logger.lines.join("\n")], ["hook events", JSON.stringify(hookEvents)]);
  outputs.push([
    "spans",
    JSON.stringify(
      otel
        .spans()
        .map((span) => ({ name: span.name, attributes: span.attributes, events: span.events, status: span.status })),
    ),
  ]);
  const metrics = await otel.metrics();
  outputs.push([
    "metrics",
    JSON.stringify([...metrics.values()].map((metric) => metric.dataPoints.map((point) => point.attributes))),
  ]);
  return { outputs, succeeded };
}

describe("secrets (property test: random secrets at random positions, every output searched)", () => {
  it(`${CASES} seeded cases through a real server, half of them through a proxy with credentials`, async () => {
    let failed = 0;
    let redactedSomewhere = 0;
    let proxied = 0;
    for (let index = 0; index < CASES; index += 1) {
      const secretCase = buildSecretCase(FIRST_SEED + index);
      const requestsBefore = server.requests.length;
      const loginsBefore = proxyLogins.length;
      const { outputs, succeeded } = await runCase(secretCase);
      // Not vacuous: the key reached the server, the answer (with the secrets) went back, the proxy saw its login.
      const sent = server.requests.slice(requestsBefore);
      expect(sent.length, `seed ${secretCase.seed}`).toBeGreaterThan(0);
      expect(sent.every((request) => request.headers["x-api-key"] === secretCase.secrets.apiKey)).toBe(true);
      if (secretCase.viaProxy) {
        expect(proxyLogins.length, `seed ${secretCase.seed}: the proxy admitted the call`).toBeGreaterThan(
          loginsBefore,
        );
        proxied += 1;
      }
      if (!succeeded) failed += 1;
      if (outputs.some(([, text]) => text.includes("[REDACTED]"))) redactedSomewhere += 1;
      for (const [channel, text] of outputs) {
        for (const forbidden of forbiddenTexts(secretCase)) {
          if (text.includes(forbidden)) {
            expect.fail(
              `seed ${secretCase.seed} (${secretCase.placements.join(", ")}): ${channel} shows a ` +
                `secret: ${text.slice(Math.max(0, text.indexOf(forbidden) - 80), text.indexOf(forbidden) + 80)}`,
            );
          }
        }
      }
    }
    // The generator covered both outcomes and both routes, and redaction had work to do.
    expect(failed).toBeGreaterThan(CASES / 2);
    expect(failed).toBeLessThan(CASES);
    expect(proxied).toBeGreaterThan(CASES / 4);
    expect(redactedSomewhere).toBeGreaterThan(CASES / 2);
  }, 120_000);
});
