import * as http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { send, startTestServer, type TestServer } from "../support/test-server.js";

const SESSION = { id: "497f6eca-6276-4993-bfeb-53cbbbba6f08", status: "active" };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((_request, response) =>
    send(response, 200, JSON.stringify(SESSION), { "content-type": "application/json" }),
  );
});
afterAll(async () => {
  await server?.close();
});

/** Runs `make` with a `node:http` whose responses come with an empty `rawHeaders`, as workerd's do. */
function withEmptyRawHeaders<T>(make: () => T): T {
  const original = process.getBuiltinModule;
  const workerdLike = {
    ...http,
    request: (...args: Parameters<typeof http.request>) => {
      const outgoing = http.request(...args);
      outgoing.prependListener("response", (incoming) => {
        // Node computes `headers` from `rawHeaders` lazily: fix them first, then empty the list.
        Object.defineProperty(incoming, "headers", { value: { ...incoming.headers } });
        incoming.rawHeaders = [];
      });
      return outgoing;
    },
  };
  process.getBuiltinModule = (id: string) => (id === "node:http" || id === "http" ? workerdLike : original(id));
  try {
    return make();
  } finally {
    process.getBuiltinModule = original;
  }
}

describe("runtimes whose globals or node:http differ from Node's", () => {
  it("reads response headers from `headers` when `rawHeaders` is empty (workerd with nodejs_compat)", async () => {
    const { createHyperbrowserClient } = await import("../../src/index.js");
    const client = withEmptyRawHeaders(() =>
      createHyperbrowserClient({ apiKey: "k", baseUrl: server.url, telemetry: false }),
    );
    try {
      const { data, response } = await client.raw.GET("/api/session/{id}", { params: { path: { id: SESSION.id } } });
      expect(data).toMatchObject(SESSION);
      expect(response.headers.get("content-type")).toBe("application/json");
      await expect(client.sessions.get(SESSION.id)).resolves.toMatchObject(SESSION);
    } finally {
      await client.close();
    }
  });

  it("loads and makes clients without a global FinalizationRegistry (workerd before 2025-05-05)", async () => {
    const saved = globalThis.FinalizationRegistry;
    vi.resetModules();
    // @ts-expect-error: removed on purpose, as such a runtime lacks it
    delete globalThis.FinalizationRegistry;
    try {
      const { createHyperbrowserClient } = await import("../../src/index.js");
      const client = createHyperbrowserClient({ apiKey: "k", baseUrl: server.url, telemetry: false });
      await expect(client.sessions.get(SESSION.id)).resolves.toMatchObject(SESSION);
      await client.close();
    } finally {
      globalThis.FinalizationRegistry = saved;
      vi.resetModules();
    }
  });
});
