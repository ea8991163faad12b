import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Transform } from "node:stream";
import { SpecInputError } from "./spec-input-error.js";

/** Limits for one bounded download. */
export interface FetchLimits {
  /** Bytes accepted on the wire (compressed) and after decompression, each. */
  maxBytes: number;
  timeoutMs: number;
  /** Same-origin redirects followed before giving up. */
  maxRedirects?: number;
}

/** A document read within the limits. */
export interface BoundedDocument {
  /** The URL that answered (after same-origin redirects). */
  url: string;
  text: string;
}

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  "x-gzip": createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * GETs a document with node:http(s), streaming: it stops as soon as the body passes `maxBytes` on the
 * wire or once decompressed (so an endless chunked body or a gzip bomb costs at most the cap), follows
 * a redirect only within the same origin, and decodes strict UTF-8 (invalid bytes are refused, not
 * replaced). Errors about the document itself are `SpecInputError`s.
 */
export async function fetchBounded(url: string, limits: FetchLimits): Promise<BoundedDocument> {
  const origin = new URL(url).origin;
  let current = url;
  for (let redirects = 0; ; redirects += 1) {
    const response = await get(current, limits.timeoutMs);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      const next = new URL(response.headers.location, current);
      if (next.origin !== origin)
        throw new SpecInputError(`${current} redirects to another origin (${next.origin}); refused`);
      if (redirects >= (limits.maxRedirects ?? 5))
        throw new SpecInputError(`${url}: more than ${limits.maxRedirects ?? 5} redirects`);
      current = next.href;
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new Error(`${current} answered ${status} ${response.statusMessage ?? ""}`.trim());
    }
    return { url: current, text: decodeUtf8(await readCapped(response, current, limits.maxBytes), current) };
  }
}

function get(url: string, timeoutMs: number): Promise<IncomingMessage> {
  const send = new URL(url).protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        headers: {
          accept: "application/json, application/yaml, text/markdown, text/plain, */*",
          "accept-encoding": "gzip, deflate, br",
        },
      },
      resolve,
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.once("error", reject);
    request.end();
  });
}

async function readCapped(response: IncomingMessage, url: string, maxBytes: number): Promise<Buffer> {
  const tooLarge = (what: string) => new SpecInputError(`${url} is over the ${maxBytes}-byte limit (${what}); refused`);
  const declared = Number(response.headers["content-length"] ?? 0);
  if (declared > maxBytes) {
    response.destroy();
    throw tooLarge("Content-Length");
  }
  const encoding = String(response.headers["content-encoding"] ?? "identity").toLowerCase();
  const decoder = DECODERS[encoding];
  if (!decoder && encoding !== "identity") {
    response.destroy();
    throw new SpecInputError(`${url}: unsupported Content-Encoding ${JSON.stringify(encoding)}`);
  }
  let wire = 0;
  response.on("data", (chunk: Buffer) => {
    wire += chunk.length;
    if (wire > maxBytes) response.destroy(tooLarge("on the wire"));
  });
  const body = decoder ? response.pipe(decoder()) : response;
  if (decoder) response.once("error", (error) => body.destroy(error));
  const chunks: Buffer[] = [];
  let decoded = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      decoded += chunk.length;
      if (decoded > maxBytes) throw tooLarge(decoder ? "decompressed" : "on the wire");
      chunks.push(chunk);
    }
  } finally {
    response.destroy();
    if (decoder) body.destroy();
  }
  return Buffer.concat(chunks);
}

function decodeUtf8(bytes: Buffer, url: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SpecInputError(`${url} is not valid UTF-8; refused`);
  }
}
