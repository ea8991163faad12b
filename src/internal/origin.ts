/** The origin of a URL (`https://host:port`), or a phrase saying it has none, for messages. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "an unparseable URL";
  }
}

/** True when `url` is on `origin` (as `URL#origin` spells it); the common prefix case needs no parsing. */
export function isSameOrigin(url: string, origin: string): boolean {
  if (url.startsWith(origin) && (url.length === origin.length || url[origin.length] === "/")) return true;
  return originOf(url) === origin;
}
