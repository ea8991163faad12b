import type { Agent as HttpAgent, IncomingMessage } from "node:http";
import type { AttemptResponse, SendAttempt } from "./send-attempt.js";

type HttpModule = typeof import("node:http");
type HttpsModule = typeof import("node:https");

const EMPTY = new Uint8Array(new ArrayBuffer(0));

/**
 * Sends attempts with `node:http` / `node:https` over keep-alive agents (one pair per client), with the
 * platform's TLS verification and CA handling (`NODE_EXTRA_CA_CERTS` included). Redirects are returned,
 * not followed, so the API key never travels to another host. Returns undefined where `node:http` does
 * not exist (browsers, workers, Node before 20.16), and the client falls back to `fetch`.
 */
export function createNodeHttpSender(): SendAttempt | undefined {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const http = getBuiltin?.("node:http") as HttpModule | undefined;
  const https = getBuiltin?.("node:https") as HttpsModule | undefined;
  if (!http || !https) return undefined;
  const agents: Record<string, HttpAgent> = {
    "http:": new http.Agent({ keepAlive: true }),
    "https:": new https.Agent({ keepAlive: true }),
  };

  return (request, signal, limits) =>
    new Promise<AttemptResponse>((resolve, reject) => {
      const url = new URL(request.url);
      const module = url.protocol === "https:" ? https : http;
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      if (request.body) headers["content-length"] = String(request.body.byteLength);
      const outgoing = module.request(url, { method: request.method, headers, agent: agents[url.protocol], signal });
      outgoing.once("error", reject);
      outgoing.once("response", (incoming) => readIncoming(incoming, limits, resolve, reject));
      outgoing.end(request.body);
    });
}

function readIncoming(
  incoming: IncomingMessage,
  limits: { ok: number; error: number },
  resolve: (response: AttemptResponse) => void,
  reject: (error: unknown) => void,
): void {
  const status = incoming.statusCode ?? 0;
  const limit = status >= 200 && status < 300 ? limits.ok : limits.error;
  const chunks: Buffer[] = [];
  let length = 0;
  let settled = false;
  const finish = (truncated: boolean) => {
    if (settled) return;
    settled = true;
    const headers = new Headers();
    const raw = incoming.rawHeaders;
    for (let index = 0; index < raw.length; index += 2) headers.append(raw[index] as string, raw[index + 1] as string);
    const joined = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length);
    const bytes = (length === 0 ? EMPTY : joined) as Uint8Array<ArrayBuffer>;
    resolve({ status, statusText: incoming.statusMessage ?? "", headers, bytes, truncated });
  };
  incoming.on("data", (chunk: Buffer) => {
    if (settled) return;
    if (length + chunk.byteLength > limit) {
      chunks.push(chunk.subarray(0, limit - length));
      length = limit;
      // The rest is not wanted: drop the connection rather than download it.
      incoming.destroy();
      finish(true);
      return;
    }
    chunks.push(chunk);
    length += chunk.byteLength;
  });
  incoming.once("end", () => finish(false));
  incoming.once("error", (error) => {
    if (!settled) {
      settled = true;
      reject(error);
    }
  });
  incoming.once("close", () => {
    if (!settled) {
      settled = true;
      reject(Object.assign(new Error("the connection closed before the response body was complete"), { code: "ECONNRESET" }));
    }
  });
}
