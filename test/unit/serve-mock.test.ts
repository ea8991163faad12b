import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHyperbrowserClient } from "../../src/index.js";
import { createHyperbrowserMock, serveMock, type ServedMock } from "../../src/testing/index.js";

const served: ServedMock[] = [];
afterEach(async () => {
  await Promise.all(served.splice(0).map((server) => server.close()));
});

/** Sends raw bytes and returns the status line of the answer (or "" when the connection closed without one). */
function rawRequest(url: string, head: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      received += chunk;
      if (received.includes("\r\n")) {
        socket.destroy();
        resolve(received.slice(0, received.indexOf("\r\n")));
      }
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(received));
    socket.write(head);
  });
}

describe("serveMock", () => {
  it.each([
    ["TRACE / HTTP/1.1\r\nHost: x\r\n\r\n", /^HTTP\/1\.1 405 /],
    ["GET http://a:99999/x HTTP/1.1\r\nHost: x\r\n\r\n", /^HTTP\/1\.1 400 /],
    ["GET ftp://a/x HTTP/1.1\r\nHost: x\r\n\r\n", /^HTTP\/1\.1 400 /],
    ["OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", /^HTTP\/1\.1 400 /],
  ])("answers an odd request (%j) with an HTTP error and keeps serving", async (head, status) => {
    const mock = createHyperbrowserMock();
    const session = mock.add();
    const server = await serveMock(mock);
    served.push(server);
    expect(await rawRequest(server.url, head)).toMatch(status);
    const client = createHyperbrowserMockClientFor(server.url, mock.apiKey);
    await expect(client.sessions.get(String(session.id))).resolves.toMatchObject({ id: session.id });
    await client.close();
  });

  it("takes the path of a valid absolute-form target", async () => {
    const mock = createHyperbrowserMock();
    const session = mock.add();
    const server = await serveMock(mock);
    served.push(server);
    const head =
      `GET http://elsewhere.test/api/session/${session.id} HTTP/1.1\r\nHost: ` +
      `x\r\nx-api-key: ${mock.apiKey}\r\n\r\n`;
    expect(await rawRequest(server.url, head)).toMatch(/^HTTP\/1\.1 200 /);
    expect(mock.calls.at(-1)).toMatchObject({ path: `/api/session/${session.id}`, status: 200 });
  });
});

function createHyperbrowserMockClientFor(baseUrl: string, apiKey: string) {
  return createHyperbrowserClient({ apiKey, baseUrl, maxRetries: 0, telemetry: false });
}
