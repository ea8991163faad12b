/**
 * Where the CPU time of one `sessions.get` goes, in-process, without a network: a sender that answers from
 * memory (the bench server's ~1.2 KB body, the headers node:http hands over) stands in for node:http, and
 * each layer of the one request path is timed on its own, outermost last:
 *   sender → transport (retries, timeouts, budget) → transport as a fetch (Request in, Response out)
 *   → openapi-fetch with the auth middleware (client.raw.GET) → sessions.get (parse, error mapping)
 * plus openapi-fetch's own per-call work: createClient().GET with a trivial fetch, as a plain caller
 * uses it (global Request) and as this client does (LightRequest, one middleware).
 * Figures: CPU µs per call, median (min–max) of rounds that alternate the order.
 * Usage: node --import ./scripts/register-ts-node.mjs scripts/bench/stages.ts
 */
import createClient from "openapi-fetch";
import { bindClient } from "../../src/client.js";
import { MAX_ERROR_BODY_BYTES, MAX_RESPONSE_BYTES, resolveClientOptions } from "../../src/client-options.js";
import { ClientLifecycle } from "../../src/http/client-lifecycle.js";
import { LightRequest } from "../../src/http/light-request.js";
import { rawHeaderList } from "../../src/http/response-headers.js";
import type { AttemptResponse, Sender } from "../../src/http/sender.js";
import { sendRequest, type TransportSettings } from "../../src/http/transport.js";
import { createTransportFetch } from "../../src/http/transport-fetch.js";
import type { paths } from "../../src/types.js";
import { BENCH_SESSION } from "./session.js";

const ROUNDS = Number(process.env["BENCH_STAGES_ROUNDS"] ?? 7);
const CALLS = 20_000;
const ID = BENCH_SESSION.id;
const BASE_URL = "http://127.0.0.1:1";
const URL_ = `${BASE_URL}/api/session/${ID}`;
const BYTES = new TextEncoder().encode(JSON.stringify(BENCH_SESSION));
const RAW_HEADERS = [
  "Content-Type",
  "application/json",
  "Content-Length",
  String(BYTES.byteLength),
  "Date",
  new Date().toUTCString(),
  "Connection",
  "keep-alive",
  "Keep-Alive",
  "timeout=60",
];

// What node:http's sender resolves with, made fresh per call as it would be.
const sender: Sender = {
  send: async (): Promise<AttemptResponse> => ({
    status: 200,
    statusText: "OK",
    headers: rawHeaderList(RAW_HEADERS),
    bytes: BYTES,
    truncated: false,
  }),
  destroyIdle: () => undefined,
  destroy: () => undefined,
};
const resolved = resolveClientOptions({ apiKey: "bench-key", baseUrl: BASE_URL, telemetry: false });
const client = bindClient(resolved, sender);
const settings: TransportSettings = {
  sender,
  lifecycle: new ClientLifecycle(sender),
  keyOrigin: BASE_URL,
  retry: resolved.retry,
  timeoutMs: resolved.timeoutMs,
  deadlineMs: resolved.deadlineMs,
  budget: resolved.retryBudget,
  maxResponseBytes: MAX_RESPONSE_BYTES,
  maxErrorBodyBytes: MAX_ERROR_BODY_BYTES,
  clock: resolved.clock,
  random: resolved.random,
  createRequestId: () => globalThis.crypto.randomUUID(),
  observer: undefined,
};
const requestHeaders = { ...resolved.headers, "x-api-key": "bench-key" };
const transportFetch = createTransportFetch(settings);

// openapi-fetch's own work: a fetch that hands back the same tiny response-like object.
const sharedHeaders = new Headers({ "content-type": "application/json", "content-length": String(BYTES.byteLength) });
const text = JSON.stringify(BENCH_SESSION);
const trivialFetch = (async () => ({
  status: 200,
  ok: true,
  headers: sharedHeaders,
  text: async () => text,
})) as unknown as typeof fetch;
const plain = createClient<paths>({ baseUrl: BASE_URL, fetch: trivialFetch, headers: resolved.headers });
const likeThisClient = createClient<paths>({
  baseUrl: BASE_URL,
  fetch: trivialFetch,
  headers: resolved.headers,
  Request: LightRequest as unknown as typeof Request,
});
likeThisClient.use({ onRequest: ({ request }) => request });

const STAGES: [string, () => Promise<unknown>][] = [
  [
    "sender (in-memory answer)",
    () =>
      sender.send(
        { url: URL_, method: "GET", headers: requestHeaders, body: undefined },
        { timeoutMs: 1, signal: undefined, maxOkBytes: 1, maxErrorBytes: 1 },
      ),
  ],
  [
    "transport: sendRequest",
    () =>
      sendRequest(
        settings,
        {},
        {
          method: "GET",
          url: URL_,
          headers: requestHeaders,
          body: undefined,
          signal: undefined,
          urlTemplate: undefined,
        },
      ),
  ],
  [
    "transport as a fetch: LightRequest in, Response out, text()",
    async () =>
      (
        await transportFetch(new LightRequest(URL_, { headers: new Headers(requestHeaders) }) as unknown as Request)
      ).text(),
  ],
  [
    "client.raw.GET (openapi-fetch, auth middleware, transport)",
    () => client.raw.GET("/api/session/{id}", { params: { path: { id: ID } }, parseAs: "text" }),
  ],
  ["sessions.get (the whole path)", () => client.sessions.get(ID)],
  [
    "openapi-fetch alone: plain createClient().GET, trivial fetch",
    () => plain.GET("/api/session/{id}", { params: { path: { id: ID } }, parseAs: "text" }),
  ],
  [
    "openapi-fetch alone: LightRequest + 1 middleware, trivial fetch",
    () => likeThisClient.GET("/api/session/{id}", { params: { path: { id: ID } }, parseAs: "text" }),
  ],
];

async function cpuUsPerCall(call: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  for (let index = 0; index < CALLS; index += 1) await call();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / CALLS;
}

for (const [, call] of STAGES) await cpuUsPerCall(call);
const samples = STAGES.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round += 1) {
  for (let step = 0; step < STAGES.length; step += 1) {
    const index = (step + round) % STAGES.length;
    samples[index]?.push(await cpuUsPerCall((STAGES[index] as [string, () => Promise<unknown>])[1]));
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const show = (values: number[]) =>
  `${median(values).toFixed(1)} (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
const width = Math.max(...STAGES.map(([label]) => label.length));
console.log(
  `CPU per call by stage (in-process, in-memory sender, ${ROUNDS} rounds × ${CALLS} calls; ` +
    `Node ${process.version}), µs`,
);
for (const [index, [label]] of STAGES.entries()) {
  const own = samples[index] as number[];
  // Layers 1–4 each wrap the one before: their own cost is the difference, round by round.
  const inner = index >= 1 && index <= 4 ? (samples[index - 1] as number[]) : undefined;
  const added = inner
    ? `  (+${median(own.map((value, round) => value - (inner[round] as number))).toFixed(1)} over the line above)`
    : "";
  console.log(`  ${label.padEnd(width)}  ${show(own)}${added}`);
}
