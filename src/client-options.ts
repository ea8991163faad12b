import { DEFAULT_BASE_URL } from "../generated/spec-constants.js";

/** Options of {@link createHyperbrowserClient}. */
export interface HyperbrowserClientOptions {
  /**
   * The API key sent as `x-api-key`.
   * @default process.env.HYPERBROWSER_API_KEY
   */
  apiKey?: string | undefined;
  /**
   * Where the API lives.
   * @default process.env.HYPERBROWSER_BASE_URL, else the spec's first server (https://api.hyperbrowser.ai)
   */
  baseUrl?: string | undefined;
  /** A `fetch` implementation to send requests with (for tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Extra headers sent with every request. They cannot replace `x-api-key`. */
  headers?: Record<string, string> | undefined;
}

/** Options after defaults from the environment and the spec are applied and checked. */
export interface ResolvedClientOptions {
  apiKey: string;
  baseUrl: string;
  fetch: typeof globalThis.fetch | undefined;
  headers: Record<string, string>;
}

/** Applies defaults and rejects options that could never work, before any request is made. */
export function resolveClientOptions(options: HyperbrowserClientOptions): ResolvedClientOptions {
  const env = typeof process === "undefined" ? {} : process.env;
  const apiKey = options.apiKey ?? env["HYPERBROWSER_API_KEY"];
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw new TypeError(
      "Hyperbrowser API key is missing: pass `apiKey` to createHyperbrowserClient or set the HYPERBROWSER_API_KEY environment variable",
    );
  }
  const baseUrl = checkBaseUrl(options.baseUrl ?? (env["HYPERBROWSER_BASE_URL"] || DEFAULT_BASE_URL));
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError("createHyperbrowserClient: `fetch` must be a function");
  }
  return { apiKey, baseUrl, fetch: options.fetch, headers: { ...options.headers } };
}

function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`createHyperbrowserClient: baseUrl is not an absolute URL: ${JSON.stringify(value.slice(0, 200))}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`createHyperbrowserClient: baseUrl must use http or https, not ${url.protocol}`);
  }
  // Credentials, a query or a fragment in the base URL would end up in every request URL and error message.
  if (url.username || url.password || url.search || url.hash) {
    throw new TypeError("createHyperbrowserClient: baseUrl must not contain credentials, a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}
