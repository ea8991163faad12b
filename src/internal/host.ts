/** A URL's `hostname` as sockets and DNS want it: an IPv6 literal without its brackets (`[::1]` → `::1`). */
export function unbracketHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/** A host as an authority (`host:port`) needs it: an IPv6 literal in brackets (`::1` → `[::1]`). */
export function bracketHost(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}
