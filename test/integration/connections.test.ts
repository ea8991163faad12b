import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  createHyperbrowserClient,
  HyperbrowserClientClosedError,
  HyperbrowserTimeoutError,
  type HyperbrowserClient,
} from "../../src/index.js";
import { DEFAULT_MAX_SOCKETS } from "../../src/client-options.js";
import { runCommand } from "../../scripts/lib/run-command.js";

const SESSION = JSON.stringify({ id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active" });

/** A node:http server that counts connections: open now, most open at once, and opened in all. */
interface CountingServer {
  url: string;
  open: () => number;
  peak: () => number;
  opened: () => number;
  requests: () => number;
  close(): Promise<void>;
}

async function startCountingServer(
  handler: (respond: () => void, requestOnConnection: number, socket: Socket) => void = (respond) => respond(),
  keepAliveTimeoutMs = 5_000,
): Promise<CountingServer> {
  const sockets = new Set<Socket>();
  const served = new WeakMap<Socket, number>();
  let peak = 0;
  let opened = 0;
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    const socket = request.socket;
    const count = (served.get(socket) ?? 0) + 1;
    served.set(socket, count);
    handler(
      () => {
        response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(SESSION) });
        response.end(SESSION);
      },
      count,
      socket,
    );
  });
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.on("connection", (socket) => {
    opened += 1;
    sockets.add(socket);
    peak = Math.max(peak, sockets.size);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    open: () => sockets.size,
    peak: () => peak,
    opened: () => opened,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

let server: CountingServer | undefined;
const clients: HyperbrowserClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await server?.close();
  server = undefined;
});
const track = (client: HyperbrowserClient) => (clients.push(client), client);
const waitFor = async (condition: () => boolean, timeoutMs = 2_000) => {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("bounded connections", () => {
  it(
    `20,000 concurrent calls complete with no failure over at most maxSockets (${DEFAULT_MAX_SOCKETS}) ` +
      `connections`,
    async () => {
      server = await startCountingServer();
      const client = track(createHyperbrowserClient({ apiKey: "k", baseUrl: server.url }));
      const results = await Promise.allSettled(
        Array.from({ length: 20_000 }, (_, index) => client.sessions.get(`s-${index}`)),
      );
      const failures = results.filter((result) => result.status === "rejected");
      expect(failures.slice(0, 3)).toEqual([]);
      expect(server.peak()).toBeLessThanOrEqual(DEFAULT_MAX_SOCKETS);
      console.log(`[connections] 20000 calls, peak ${server.peak()} connections, ${server.opened()} opened in all`);
    },
    120_000,
  );

  it("the wait for a free connection counts against timeoutMs", async () => {
    server = await startCountingServer((respond) => setTimeout(respond, 300));
    const client = track(
      createHyperbrowserClient({ apiKey: "k", baseUrl: server.url, maxSockets: 1, timeoutMs: 450, maxRetries: 0 }),
    );
    const [first, second] = await Promise.allSettled([client.sessions.get("a"), client.sessions.get("b")]);
    expect(first.status).toBe("fulfilled");
    expect(second.status === "rejected" && second.reason).toBeInstanceOf(HyperbrowserTimeoutError);
    expect(server.peak()).toBe(1);
  });
});

describe("closing a client", () => {
  it("close() destroys idle sockets: 2,000 clients one after another leave none open", async () => {
    server = await startCountingServer();
    for (let index = 0; index < 2_000; index += 1) {
      const client = createHyperbrowserClient({ apiKey: "k", baseUrl: server.url });
      await client.sessions.get("s");
      await client.close();
    }
    await waitFor(() => server?.open() === 0);
    expect(server.open()).toBe(0);
    expect(server.opened()).toBe(2_000);
  }, 60_000);

  it("in-flight calls finish, later ones reject (HyperbrowserClientClosedError), close() waits for them", async () => {
    server = await startCountingServer((respond) => setTimeout(respond, 200));
    const client = createHyperbrowserClient({ apiKey: "k", baseUrl: server.url });
    const inFlight = client.sessions.get("s");
    await waitFor(() => server?.requests() === 1);
    const closing = client.close();
    const later = await client.sessions.get("s").catch((error: unknown) => error);
    expect(later).toBeInstanceOf(HyperbrowserClientClosedError);
    expect(later).toMatchObject({ attempts: 0, message: expect.stringMatching(/the client is closed/) });
    await expect(inFlight).resolves.toMatchObject({ status: "active" });
    await closing;
    await waitFor(() => server?.open() === 0);
    expect(server.open()).toBe(0);
    await expect(client.close()).resolves.toBeUndefined();
  });

  it("`await using` closes the client", async () => {
    server = await startCountingServer();
    {
      await using client = createHyperbrowserClient({ apiKey: "k", baseUrl: server.url });
      await client.sessions.get("s");
      expect(server.open()).toBe(1);
    }
    await waitFor(() => server?.open() === 0);
    expect(server.open()).toBe(0);
  });

  it("a client dropped without close() lets go of its idle sockets once garbage-collected", async () => {
    server = await startCountingServer();
    const script =
      `
      const { createHyperbrowserClient } = await ` +
      `import(${JSON.stringify(new URL("../../dist/index.js", import.meta.url).href)});
      for (let i = 0; i < 200; i++) await createHyperbrowserClient({ apiKey: "k", ` +
      `baseUrl: ${JSON.stringify(server.url)} }).sessions.get("s");
      for (let round = 0; round < 10; round++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 20)); }
      await new Promise((r) => setTimeout(r, 200));
    `;
    const running = runCommand(process.execPath, ["--expose-gc", "--input-type=module", "-e", script]);
    // Before the child exits (which closes everything anyway), its sockets must already be gone.
    await waitFor(() => (server?.opened() ?? 0) === 200, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const openWhileAlive = server.open();
    const result = await running;
    expect(result.stderr).toBe("");
    expect(openWhileAlive).toBe(0);
  }, 30_000);
});

describe("stale keep-alive connections", () => {
  it(
    "a request that meets a connection the server closed while idle is sent again at once on a new one, once, " +
      "without spending a retry",
    async () => {
      // Every connection serves one request; a second request on it is dropped unanswered, as when the
      // server's idle timeout closes the socket just as the client reuses it.
      server = await startCountingServer((respond, requestOnConnection, socket) =>
        requestOnConnection === 1 ? respond() : socket.destroy(),
      );
      const client = track(
        createHyperbrowserClient({
          apiKey: "k",
          baseUrl: server.url,
          maxRetries: 0,
          retryBudget: { minRetriesPerSecond: 0 },
        }),
      );
      for (let call = 0; call < 150; call += 1)
        await expect(client.sessions.get("s")).resolves.toMatchObject({ status: "active" });
      expect(server.opened()).toBe(150);
    },
  );

  it("against a real idle timeout of 200 ms, 150 calls timed around it all succeed", async () => {
    server = await startCountingServer(undefined, 200);
    const failures: unknown[] = [];
    // Five clients, 30 calls each, each call made when the server is about to drop the idle connection.
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        const client = track(createHyperbrowserClient({ apiKey: "k", baseUrl: server?.url, maxRetries: 0 }));
        for (let call = 0; call < 30; call += 1) {
          await client.sessions.get("s").catch((error: unknown) => failures.push(error));
          await new Promise((resolve) => setTimeout(resolve, 195 + (call % 10)));
        }
      }),
    );
    expect(failures).toEqual([]);
  }, 60_000);
});

describe("a shared AbortSignal", () => {
  it("1,000 concurrent calls sharing one signal print no MaxListenersExceededWarning", async () => {
    server = await startCountingServer();
    const client = track(createHyperbrowserClient({ apiKey: "k", baseUrl: server.url }));
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      await Promise.all(Array.from({ length: 1_000 }, () => client.sessions.get("s", { signal: controller.signal })));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.map((warning) => warning.name)).toEqual([]);
  });
});
