import createClient from "openapi-fetch";
import { createHyperbrowserClient } from "../src/index.js";
const BODY = JSON.stringify({ id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active", token: "t".repeat(600) });
const N = 5000;
async function time(label: string, fn: () => Promise<unknown> | unknown) {
  for (let i = 0; i < 500; i++) await fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await fn();
  console.log(label.padEnd(40), (Number(process.hrtime.bigint() - t) / N / 1000).toFixed(1), "µs");
}
const memFetch = async () => new Response(BODY, { headers: { "content-type": "application/json" } });
await time("new Request", () => new Request("http://127.0.0.1:1/api/session/x", { method: "GET", headers: { "x-api-key": "k" } }));
await time("new Response + text()", async () => (await memFetch()).text());
const bare = createClient<any>({ baseUrl: "http://127.0.0.1:1", fetch: memFetch as any });
await time("openapi-fetch bare GET", () => bare.GET("/api/session/{id}", { params: { path: { id: "x" } } }));
const ours = createHyperbrowserClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1", fetch: memFetch });
await time("sessions.get (mem fetch)", () => ours.sessions.get("x"));
await time("raw.GET (mem fetch)", () => ours.raw.GET("/api/session/{id}", { params: { path: { id: "x" } } }));
