/** Hosts of the public npm registry (and its mirrors that publish to it). */
const PUBLIC_REGISTRY_HOSTS = new Set(["registry.npmjs.org", "registry.npmjs.com", "registry.yarnpkg.com"]);

/**
 * Why publishing to `registry` must not happen, or undefined when it may. This package is internal:
 * on the public registry its `@scope/…` name would be visible to everyone, and anyone could claim the
 * unowned scope and publish a look-alike that services would install (dependency confusion).
 */
export function publicRegistryProblem(registry: string | undefined, packageName: string): string | undefined {
  if (registry === undefined || registry === "" || registry === "undefined") {
    return (
      `no registry is configured for ${packageName}, so npm would publish it to the public registry ` +
      `(https://registry.npmjs.org/)`
    );
  }
  let url: URL;
  try {
    url = new URL(registry);
  } catch {
    return `the registry ${JSON.stringify(registry)} is not a URL`;
  }
  // npm speaks http(s) only; `registry.npmjs.org:443` parses as a URL whose scheme is the host.
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return `the registry ${JSON.stringify(registry)} is not an http(s) URL`;
  const host = normalizeHost(url.hostname);
  if (host === undefined) return `the registry ${JSON.stringify(registry)} has a host that cannot be read`;
  // Any port: the public registry's host on :443, :80 or another port is still the public registry.
  if (PUBLIC_REGISTRY_HOSTS.has(host)) return `${registry} is the public npm registry`;
  return undefined;
}

/**
 * A host as DNS resolves it, for comparison: percent-escapes decoded (repeatedly, `%252e`), IDNA and
 * case folded (the WHATWG URL parser, which also maps U+3002 and full-width dots), trailing dots of the
 * fully qualified form removed. Undefined when it is not a valid host.
 */
export function normalizeHost(hostname: string): string | undefined {
  let host = hostname;
  for (let round = 0; round < 5; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(host);
    } catch {
      return undefined;
    }
    try {
      decoded = new URL(`http://${decoded}/`).hostname;
    } catch {
      return undefined;
    }
    if (decoded === host) break;
    host = decoded;
  }
  return host.replace(/\.+$/, "");
}

/** The refusal message, with what to do instead. */
export function refusalMessage(problem: string, packageName: string): string {
  const scope = packageName.startsWith("@") ? packageName.split("/")[0] : undefined;
  return [
    `Refusing to publish ${packageName}: ${problem}.`,
    "It is an internal package: published publicly, its source would be visible to everyone, and its scope",
    "could be claimed by anyone to publish a look-alike that services install (dependency confusion).",
    "Publish to the internal registry: npm run release -- --registry <internal registry URL>" +
      `${scope ? `, or set ${scope}:registry=<URL> in .npmrc` : ""}.`,
  ].join("\n");
}
