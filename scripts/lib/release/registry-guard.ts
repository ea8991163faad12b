/** Hosts of the public npm registry (and its mirrors that publish to it). */
const PUBLIC_REGISTRY_HOSTS = new Set(["registry.npmjs.org", "registry.npmjs.com", "registry.yarnpkg.com"]);

/**
 * Why publishing to `registry` must not happen, or undefined when it may. This package is internal:
 * on the public registry its `@scope/…` name would be visible to everyone, and anyone could claim the
 * unowned scope and publish a look-alike that services would install (dependency confusion).
 */
export function publicRegistryProblem(registry: string | undefined, packageName: string): string | undefined {
  if (registry === undefined || registry === "" || registry === "undefined") {
    return `no registry is configured for ${packageName}, so npm would publish it to the public registry (https://registry.npmjs.org/)`;
  }
  let host: string;
  try {
    host = new URL(registry).hostname;
  } catch {
    return `the registry ${JSON.stringify(registry)} is not a URL`;
  }
  if (PUBLIC_REGISTRY_HOSTS.has(host)) return `${registry} is the public npm registry`;
  return undefined;
}

/** The refusal message, with what to do instead. */
export function refusalMessage(problem: string, packageName: string): string {
  const scope = packageName.startsWith("@") ? packageName.split("/")[0] : undefined;
  return [
    `Refusing to publish ${packageName}: ${problem}.`,
    "It is an internal package: published publicly, its source would be visible to everyone, and its scope",
    "could be claimed by anyone to publish a look-alike that services install (dependency confusion).",
    `Publish to the internal registry: npm run release -- --registry <internal registry URL>${scope ? `, or set ${scope}:registry=<URL> in .npmrc` : ""}.`,
  ].join("\n");
}
