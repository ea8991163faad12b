/**
 * What each optional feature costs per call, in-process, with an in-memory `fetch` (no network, so the
 * figures are this package's own work): sessions.get with every default (OpenTelemetry off) against the
 * same with `validateResponses: "throw"`, with the OpenTelemetry API and no SDK registered, with the real
 * SDK recording (in-memory exporters), and with no-op hooks. Rounds alternate the order; each figure is
 * the median of per-round differences in CPU time per call, with its min–max.
 * Usage: npm run bench:overhead  (also run, and printed, by npm run bench)
 */
import { responseValidators } from "../generated/response-validators.js";
import { metrics } from "@opentelemetry/api";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { createHyperbrowserClient, type HyperbrowserClient, type HyperbrowserClientOptions } from "../src/index.js";

const BODY = JSON.stringify({
  id: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
  teamId: "a4ede8ba-7c0a-4485-8763-cbd9b282fbec",
  status: "active",
  startTime: "1732579200000",
  endTime: null,
  createdAt: "2026-11-25T12:00:00Z",
  updatedAt: "2026-11-25T12:00:00Z",
  launchState: {
    useStealth: true,
    useProxy: false,
    solveCaptchas: true,
    adblock: true,
    screen: { width: 1280, height: 720 },
    profile: { id: "p", persistChanges: true },
  },
  creditsUsed: 1.5,
  sessionUrl: "https://app.hyperbrowser.ai/sessions/497f6eca",
  liveUrl: "https://live.hyperbrowser.ai/497f6eca",
  token: "tok",
  wsEndpoint: "wss://connect.hyperbrowser.ai/497f6eca",
});
const ROUNDS = Number(process.env["BENCH_OVERHEAD_ROUNDS"] ?? 9);
const CALLS = 15_000;
const ID = "497f6eca-6276-4993-bfeb-53cbbbba6f08";

class DiscardingReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}
const recording = {
  tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())] }),
  meterProvider: new MeterProvider({ readers: [new DiscardingReader()] }),
};

const fetch = async () => new Response(BODY, { headers: { "content-type": "application/json" } });
const variant = (options: HyperbrowserClientOptions) =>
  createHyperbrowserClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1", fetch, telemetry: false, ...options });
const VARIANTS: [string, HyperbrowserClient][] = [
  ["every default, OpenTelemetry off (baseline)", variant({})],
  ['validateResponses: "throw"', variant({ validateResponses: "throw" })],
  ["OpenTelemetry API installed, no SDK registered", variant({ telemetry: undefined })],
  ["OpenTelemetry SDK recording (in-memory exporters)", variant({ telemetry: recording })],
  ["no-op hooks (all four)", variant({ hooks: { onRequest() {}, onResponse() {}, onRetry() {}, onGiveUp() {} } })],
];
if (metrics.getMeterProvider().constructor.name !== "NoopMeterProvider")
  throw new Error("a global meter provider is registered: the no-SDK figure would be wrong");

async function cpuUsPerCall(client: HyperbrowserClient): Promise<number> {
  const before = process.cpuUsage();
  for (let index = 0; index < CALLS; index += 1) await client.sessions.get(ID);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / CALLS;
}

const validate = responseValidators["GET /api/session/{id}"]?.["200"];
if (!validate) throw new Error("no generated validator");
const parsed = JSON.parse(BODY) as unknown;
const validatorStarted = process.hrtime.bigint();
for (let index = 0; index < 200_000; index += 1) validate(parsed);
const validatorNs = Number(process.hrtime.bigint() - validatorStarted) / 200_000;

for (const [, client] of VARIANTS) await cpuUsPerCall(client);
const samples = VARIANTS.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round += 1) {
  const order = VARIANTS.map((_, index) => (index + round) % VARIANTS.length);
  for (const index of order) samples[index]?.push(await cpuUsPerCall(VARIANTS[index]?.[1] as HyperbrowserClient));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const baseline = samples[0] as number[];
console.log(
  `Per-call cost of optional features (in-process, in-memory fetch, ${ROUNDS} rounds × ${CALLS} calls; ` +
    `Node ${process.version})`,
);
console.log(`  ${VARIANTS[0]?.[0]}: ${median(baseline).toFixed(1)} µs CPU per call`);
for (const [index, [label]] of VARIANTS.entries()) {
  if (index === 0) continue;
  const differences = (samples[index] as number[]).map((value, round) => value - (baseline[round] as number));
  const show = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}`;
  console.log(
    `  ${label}: ${show(median(differences))} µs per call (rounds: ${show(Math.min(...differences))} ` +
      `to ${show(Math.max(...differences))})`,
  );
}
console.log(`  the generated SessionDetail validator alone: ${validatorNs.toFixed(0)} ns per body`);
