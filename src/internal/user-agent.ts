/** `hyperbrowser-session-client/<version> node/<version>`: how every request identifies the client. */
export function clientUserAgent(version: string): string {
  const node = typeof process === "undefined" ? undefined : process.versions?.node;
  return `hyperbrowser-session-client/${version}${node ? ` node/${node}` : ""}`;
}

/**
 * The headers with `user-agent` set to `own`, after the caller's own product token when the headers
 * have one (`my-service/2.1 hyperbrowser-session-client/1.0.0 node/20.20.2`).
 */
export function withUserAgent(headers: Record<string, string>, own: string): Record<string, string> {
  const name = Object.keys(headers).find((candidate) => candidate.toLowerCase() === "user-agent");
  if (name === undefined) return { ...headers, "user-agent": own };
  const { [name]: theirs, ...rest } = headers;
  return { ...rest, "user-agent": `${theirs} ${own}` };
}
