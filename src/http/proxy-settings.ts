import { unbracketHost } from "../internal/host.js";
import { optionError } from "../internal/checks.js";
import { rememberSecret } from "../internal/known-secrets.js";

/** A proxy URL, or `false` for none; undefined means "from the environment". */
export type ProxyOption = string | false | undefined;

/** Picks the proxy for a target URL, or undefined to connect directly. */
export type ProxyResolver = (target: URL) => URL | undefined;

const NO_PROXY: ProxyResolver = () => undefined;

/**
 * The proxy rules of a client, read once when it is made. An explicit `proxy` option is used for every
 * request; `false` turns proxies off. Otherwise the environment decides, as curl reads it:
 * `https_proxy`/`HTTPS_PROXY` for https targets, `http_proxy`/`HTTP_PROXY` for http ones (lower case
 * first), `all_proxy`/`ALL_PROXY` for both, and `no_proxy`/`NO_PROXY` lists hosts to reach directly.
 * A proxy URL without a scheme is taken as `http://`; only http and https proxies are supported.
 */
export function resolveProxySettings(option: ProxyOption, env: Record<string, string | undefined>): ProxyResolver {
  if (option === false) return NO_PROXY;
  if (option !== undefined) {
    if (typeof option !== "string")
      throw optionError("createHyperbrowserClient", "proxy", "a URL string or false", option);
    const proxy = parseProxyUrl(option, "`proxy`");
    return () => proxy;
  }
  const read = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
  const httpsProxy = read("https_proxy") ?? read("all_proxy");
  const httpProxy = read("http_proxy") ?? read("all_proxy");
  if (httpsProxy === undefined && httpProxy === undefined) return NO_PROXY;
  const forHttps =
    httpsProxy === undefined ? undefined : parseProxyUrl(httpsProxy, "the HTTPS_PROXY environment variable");
  const forHttp = httpProxy === undefined ? undefined : parseProxyUrl(httpProxy, "the HTTP_PROXY environment variable");
  const bypass = parseNoProxy(read("no_proxy") ?? "");
  return (target) => {
    const proxy = target.protocol === "https:" ? forHttps : forHttp;
    return proxy && !bypass(target) ? proxy : undefined;
  };
}

function parseProxyUrl(value: string, source: string): URL {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    // The value may hold proxy credentials: say where it came from, not what it is.
    throw new TypeError(`createHyperbrowserClient: ${source} is not a valid proxy URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(
      `createHyperbrowserClient: ${source} uses ${url.protocol}; only http and https proxies are supported`,
    );
  }
  // Checked here, once: a bad escape would otherwise fail every call as a retried connection error.
  for (const part of [url.username, url.password]) {
    try {
      decodeURIComponent(part);
    } catch {
      throw new TypeError(`createHyperbrowserClient: ${source} has credentials with a malformed percent-escape`);
    }
  }
  rememberProxyCredentials(url);
  return url;
}

/** The proxy's user and password become known secrets, as written and decoded. */
function rememberProxyCredentials(url: URL): void {
  for (const part of [url.username, url.password]) {
    rememberSecret(part);
    try {
      rememberSecret(decodeURIComponent(part));
    } catch {
      // Malformed escapes: the written form is remembered.
    }
  }
}

/**
 * `NO_PROXY` as curl reads it: comma- or space-separated entries; `*` alone matches every host; an
 * entry matches the host itself and its subdomains (`example.com` and `.example.com` both match
 * `api.example.com`); an IP address matches itself, and `10.0.0.0/8`-style ranges match inside them.
 * An entry may end in `:port` to match only that port. A trailing dot on either side is ignored.
 */
export function parseNoProxy(value: string): (target: URL) => boolean {
  const entries = value
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== "");
  if (entries.includes("*")) return () => true;
  const rules = entries.map(parseNoProxyEntry);
  return (target) => {
    // `localhost.` is `localhost`: a fully qualified name's trailing dot is dropped on both sides.
    const host = unbracketHost(target.hostname).toLowerCase().replace(/\.$/, "");
    const port = target.port || (target.protocol === "https:" ? "443" : "80");
    return rules.some((rule) => (rule.port === undefined || rule.port === port) && rule.matches(host));
  };
}

function parseNoProxyEntry(entry: string): { port: string | undefined; matches: (host: string) => boolean } {
  let hostPart = entry;
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    hostPart = bracketed[1] ?? "";
    port = bracketed[2];
  } else if (/^[^:]+:\d+$/.test(entry)) {
    [hostPart = "", port] = entry.split(":");
  }
  const cidr = /^([0-9a-f.:]+)\/(\d{1,3})$/.exec(hostPart);
  if (cidr) {
    const [, address = "", bits = "0"] = cidr;
    return { port, matches: (host) => inRange(host, address, Number(bits)) };
  }
  const domain = hostPart.replace(/^\*?\./, "").replace(/\.$/, "");
  return { port, matches: (host) => host === domain || host.endsWith(`.${domain}`) };
}

function inRange(host: string, network: string, bits: number): boolean {
  const hostBytes = ipBytes(host);
  const networkBytes = ipBytes(network);
  if (!hostBytes || !networkBytes || hostBytes.length !== networkBytes.length || bits > hostBytes.length * 8)
    return false;
  for (let bit = 0; bit < bits; bit += 1) {
    const mask = 0x80 >> (bit % 8);
    if (((hostBytes[bit >> 3] ?? 0) & mask) !== ((networkBytes[bit >> 3] ?? 0) & mask)) return false;
  }
  return true;
}

function ipBytes(address: string): number[] | undefined {
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(address)) {
    const bytes = address.split(".").map(Number);
    return bytes.every((byte) => byte <= 255) ? bytes : undefined;
  }
  if (!address.includes(":")) return undefined;
  const [head = "", tail = ""] = address.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const left = groups(head);
  const right = address.includes("::") ? groups(tail) : [];
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (!address.includes("::") && missing !== 0)) return undefined;
  const all = [...left, ...Array<string>(missing).fill("0"), ...right];
  if (!all.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return all.flatMap((group) => {
    const number = Number.parseInt(group, 16);
    return [number >> 8, number & 0xff];
  });
}
