import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHyperbrowserClient, type HyperbrowserClient } from "../../src/index.js";

const SESSION = JSON.stringify({ id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active" });

/** A forwarding proxy stand-in on 127.0.0.1: records each request line's target and Host, answers itself. */
const seen: { target: string; headers: IncomingHttpHeaders }[] = [];
const proxy: Server = createServer((request, response) => {
  seen.push({ target: request.url ?? "", headers: request.headers });
  response.writeHead(200, { "content-type": "application/json" });
  response.end(SESSION);
});
let proxyUrl: string;
let client: HyperbrowserClient;
// The target is never dialled: every request goes to the proxy.
const BASE = "http://127.0.0.1:9";

beforeAll(async () => {
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const address = proxy.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  proxyUrl = `http://127.0.0.1:${address.port}`;
  client = createHyperbrowserClient({
    apiKey: "hb_test_key",
    baseUrl: BASE,
    proxy: proxyUrl,
    maxRetries: 0,
    telemetry: false,
  });
});
afterAll(async () => {
  await client.close();
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
});
beforeEach(() => {
  seen.length = 0;
});

const get = (baseUrl: string) => client.raw.GET("/api/session/{id}", { params: { path: { id: "s" } }, baseUrl });

describe("a forwarding proxy receives the WHATWG-normalised URL, without fragment", () => {
  it(
    "a backslash URL that passed the origin check as 127.0.0.1 is sent as that URL, not as raw text naming " +
      "another host",
    async () => {
      const { response } = await get(`${BASE}\\@evil.example`);
      expect(response.status).toBe(200);
      expect(seen.map((request) => request.target)).toEqual([`${BASE}/@evil.example/api/session/s`]);
      expect(seen[0]?.headers.host).toBe("127.0.0.1:9");
    },
  );

  it("a fragment is never sent", async () => {
    await get(`${BASE}/base#frag`);
    expect(seen.map((request) => request.target)).toEqual([`${BASE}/base`]);
  });

  it("an ordinary URL is forwarded unchanged, with Host naming the target", async () => {
    await get(BASE);
    expect(seen.map((request) => request.target)).toEqual([`${BASE}/api/session/s`]);
    expect(seen[0]?.headers.host).toBe("127.0.0.1:9");
  });
});
