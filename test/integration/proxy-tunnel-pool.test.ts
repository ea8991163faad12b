import { readFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import * as tls from "node:tls";
import { fileURLToPath } from "node:url";
import { createProxy, type ProxyServer } from "proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTunnelingAgent } from "../../src/http/proxy-tunnel.js";

const CERT = readFileSync(fileURLToPath(new URL("../fixtures/tls/localhost-cert.pem", import.meta.url)));
const KEY = readFileSync(fileURLToPath(new URL("../fixtures/tls/localhost-key.pem", import.meta.url)));

let connects = 0;
let tlsConnections = 0;
const target = https.createServer({ cert: CERT, key: KEY }, (_request, response) => {
  // A little latency so that requests overlap and the pool is really under pressure.
  setTimeout(() => response.end("ok"), 20);
});
target.on("secureConnection", () => (tlsConnections += 1));
const proxy: ProxyServer = createProxy(http.createServer());
proxy.prependListener("connect", () => (connects += 1));
let targetPort: number;
let proxyUrl: URL;

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

beforeAll(async () => {
  targetPort = await listen(target);
  proxyUrl = new URL(`http://127.0.0.1:${await listen(proxy)}`);
});
afterAll(async () => {
  for (const server of [target, proxy]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

function get(agent: https.Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = https.request({ host: "localhost", port: targetPort, path: "/", agent, ca: CERT }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve(body));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

describe("maxSockets holds through a CONNECT tunnel", () => {
  it("30 concurrent requests with maxSockets 2 open 2 tunnels and 2 TLS connections, and all succeed", async () => {
    connects = 0;
    tlsConnections = 0;
    const agent = createTunnelingAgent({ http, https, tls }, proxyUrl, { keepAlive: true, maxSockets: 2 });
    try {
      const bodies = await Promise.all(Array.from({ length: 30 }, () => get(agent)));
      expect(bodies).toEqual(Array<string>(30).fill("ok"));
      expect(connects).toBeLessThanOrEqual(2);
      expect(tlsConnections).toBeLessThanOrEqual(2);
      expect(connects).toBeGreaterThan(0);
    } finally {
      agent.destroy();
    }
  });

  it("a refused tunnel hands its place to a waiting request: no request is left waiting", async () => {
    // A proxy refusing every CONNECT (502) a little later, counting how many it holds at once.
    let holding = 0;
    let peak = 0;
    let refused = 0;
    const refusing = http.createServer();
    refusing.on("connect", (_request, socket: import("node:net").Socket) => {
      holding += 1;
      peak = Math.max(peak, holding);
      setTimeout(() => {
        holding -= 1;
        refused += 1;
        socket.end("HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n");
      }, 20);
    });
    const refusingUrl = new URL(`http://127.0.0.1:${await listen(refusing)}`);
    const agent = createTunnelingAgent({ http, https, tls }, refusingUrl, { keepAlive: true, maxSockets: 1 });
    try {
      const results = await Promise.allSettled(Array.from({ length: 4 }, () => get(agent)));
      expect(results.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected", "rejected"]);
      expect(refused).toBe(4);
      expect(peak).toBe(1);
    } finally {
      agent.destroy();
      refusing.closeAllConnections();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
