/**
 * Measures what `validateResponses` costs per call: the generated validator alone, and sessions.get
 * end to end with an in-memory fetch (no network), validation off vs "throw". Prints medians of 7 rounds.
 * Usage: npm run bench:validation
 */
import { responseValidators } from "../generated/response-validators.js";
import { createHyperbrowserClient, type ValidateResponsesMode } from "../src/index.js";

const BODY = JSON.stringify({
  id: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
  teamId: "a4ede8ba-7c0a-4485-8763-cbd9b282fbec",
  status: "active",
  startTime: "1732579200000",
  endTime: null,
  createdAt: "2026-11-25T12:00:00Z",
  updatedAt: "2026-11-25T12:00:00Z",
  launchState: { useStealth: true, useProxy: false, solveCaptchas: true, adblock: true, screen: { width: 1280, height: 720 }, profile: { id: "p", persistChanges: true } },
  creditsUsed: 1.5,
  sessionUrl: "https://app.hyperbrowser.ai/sessions/497f6eca",
  liveUrl: "https://live.hyperbrowser.ai/497f6eca",
  token: "tok",
  wsEndpoint: "wss://connect.hyperbrowser.ai/497f6eca",
});
const ROUNDS = 7;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function timeValidatorNs(iterations: number): number {
  const validate = responseValidators["GET /api/session/{id}"]?.["200"];
  if (!validate) throw new Error("no generated validator for GET /api/session/{id} 200");
  const parsed = JSON.parse(BODY) as unknown;
  const started = process.hrtime.bigint();
  for (let index = 0; index < iterations; index += 1) if (!validate(parsed)) throw new Error("sample body is invalid");
  return Number(process.hrtime.bigint() - started) / iterations;
}

async function timeGetUs(mode: ValidateResponsesMode, iterations: number): Promise<number> {
  const fetch = async () => new Response(BODY, { headers: { "content-type": "application/json" } });
  const client = createHyperbrowserClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1", fetch, validateResponses: mode });
  await client.sessions.get("warm-up");
  const started = process.hrtime.bigint();
  for (let index = 0; index < iterations; index += 1) await client.sessions.get("497f6eca-6276-4993-bfeb-53cbbbba6f08");
  return Number(process.hrtime.bigint() - started) / iterations / 1000;
}

const validatorNs: number[] = [];
const offUs: number[] = [];
const throwUs: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  validatorNs.push(timeValidatorNs(200_000));
  // Alternate the order so warm-up and GC do not favour one mode.
  if (round % 2 === 0) {
    offUs.push(await timeGetUs("off", 5_000));
    throwUs.push(await timeGetUs("throw", 5_000));
  } else {
    throwUs.push(await timeGetUs("throw", 5_000));
    offUs.push(await timeGetUs("off", 5_000));
  }
}
const cost = median(throwUs) - median(offUs);
console.log(`Response validation cost (Node ${process.version}, ${ROUNDS} rounds, medians; body ${BODY.length} bytes)`);
console.log(`  generated validator alone:          ${median(validatorNs).toFixed(0)} ns/call (min ${Math.min(...validatorNs).toFixed(0)}, max ${Math.max(...validatorNs).toFixed(0)})`);
console.log(`  sessions.get, validateResponses off: ${median(offUs).toFixed(1)} µs/call (in-memory fetch)`);
console.log(`  sessions.get, validateResponses throw: ${median(throwUs).toFixed(1)} µs/call`);
console.log(`  difference: ${cost.toFixed(1)} µs/call (${((cost / median(offUs)) * 100).toFixed(1)}% of an in-memory call)`);
