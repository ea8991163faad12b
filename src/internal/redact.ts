const SECRET_HEADERS = new Set(["x-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie"]);
// The session's `token` grants control of the browser: never log it, even in a body snippet.
const TOKEN_FIELD_RE = /("token"\s*:\s*)"(?:[^"\\]|\\.)*("|$)/g;

/** Marks where a secret was removed. */
export const REDACTED = "[REDACTED]";

/** A copy of headers with the API key and other credentials replaced by `[REDACTED]`. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) shown[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value;
  return shown;
}

// A body text with every JSON `"token": "…"` value replaced, also when the text is cut mid-value.
function redactBody(text: string): string {
  return text.replace(TOKEN_FIELD_RE, (_match, key: string) => `${key}"${REDACTED}"`);
}

// Longest piece of a body kept on an error, for logs.
const BODY_SNIPPET_LENGTH = 200;

/** The start of a body, bounded and with the session token redacted, for error messages and logs. */
export function bodySnippet(text: string): string {
  // Only the start is kept: redact just that much (plus room for a token cut at the edge), not a 64 KiB body.
  const redacted = redactBody(text.length > BODY_SNIPPET_LENGTH * 4 ? text.slice(0, BODY_SNIPPET_LENGTH * 4) : text);
  return redacted.length <= BODY_SNIPPET_LENGTH ? redacted : `${redacted.slice(0, BODY_SNIPPET_LENGTH)}…`;
}
