import { knownSecrets, rememberToken } from "./known-secrets.js";

const SECRET_HEADERS = new Set(["x-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie"]);
// The session's `token` grants control of the browser. As a JSON field (also cut mid-value):
const TOKEN_FIELD_RE = /("token"\s*:\s*)"((?:[^"\\]|\\.)*)("|$)/gi;
// …and anywhere a name ending in "token" is given a value: `?token=…`, `#token=…`, `token: …`,
// `sessionToken=…`, `token%3D…` (a URL inside a URL).
const HAS_TOKEN_NAME_RE = /token/i;
const TOKEN_PARAM_RE = /(token(?:["']?\s*[:=]\s*["']?|%3D|%22%3A%22))([^\s"'&#<>\\%,;)}\]]+)/gi;

/** Marks where a secret was removed. */
export const REDACTED = "[REDACTED]";

/**
 * The text with every secret replaced by `[REDACTED]`: the API keys and proxy credentials of this
 * process's clients and the session tokens seen, wherever they appear, and any value given to a
 * `token` field or parameter (which is then also removed where the text echoes it).
 */
export function redactText(text: string): string {
  let found: string[] | undefined;
  // Only what looks like a token is searched for elsewhere: `token: expired` must not redact every "expired".
  const tagged = (value: string) => {
    if (value.length >= 12 && value !== REDACTED && /\d|[A-Z].*[a-z]|[a-z].*[A-Z]/.test(value))
      (found ??= []).push(value);
  };
  let redacted = text;
  // Most texts (a request URL per attempt) name no token: skip both patterns then.
  if (HAS_TOKEN_NAME_RE.test(text)) {
    redacted = redacted.replace(TOKEN_FIELD_RE, (_match, key: string, value: string, end: string) => {
      tagged(value);
      return `${key}"${REDACTED}${end}`;
    });
    redacted = redacted.replace(TOKEN_PARAM_RE, (_match, key: string, value: string) => {
      tagged(value);
      return `${key}${REDACTED}`;
    });
  }
  if (found) for (const token of found) rememberToken(token);
  for (const secret of knownSecrets()) {
    if (redacted.includes(secret)) redacted = redacted.split(secret).join(REDACTED);
  }
  return redacted;
}

/** A copy of headers with credentials replaced by `[REDACTED]`, and secrets redacted from other values. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    shown[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactText(value);
  return shown;
}

/** A `Headers` copy with credentials and secrets redacted, for errors (which `inspect` prints whole). */
export function redactFetchHeaders(headers: Headers | undefined): Headers | undefined {
  if (headers === undefined) return undefined;
  const shown = new Headers();
  headers.forEach((value, name) => shown.append(name, SECRET_HEADERS.has(name) ? REDACTED : redactText(value)));
  return shown;
}

/** A body text with secrets redacted (see {@link redactText}). */
export function redactBody(text: string): string {
  return redactText(text);
}

/**
 * A parsed body with secrets redacted in every key and string: a string is redacted as text; a JSON
 * value goes through its JSON text, and is given back as that text when it cannot be.
 */
export function redactJsonValue(value: unknown): unknown {
  if (typeof value === "string") return redactText(value);
  if (typeof value !== "object" || value === null || checkedClean.has(value)) return value;
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return undefined;
  }
  const redacted = redactText(json);
  let clean: unknown = redacted;
  try {
    clean = redacted === json ? value : JSON.parse(redacted);
  } catch {
    return redacted;
  }
  // The error factory redacts a body before the error's constructor does: the second time is free.
  if (typeof clean === "object" && clean !== null) checkedClean.add(clean);
  return clean;
}

const checkedClean = new WeakSet<object>();

/** Longest piece of a body kept on an error, for logs. */
export const BODY_SNIPPET_LENGTH = 200;

/** The start of a body, bounded and with secrets redacted, for error messages and logs. */
export function bodySnippet(text: string): string {
  // Only the start is kept: redact just that much (plus room for a secret cut at the edge), not a 64 KiB body.
  const redacted = redactText(text.length > BODY_SNIPPET_LENGTH * 4 ? text.slice(0, BODY_SNIPPET_LENGTH * 4) : text);
  return redacted.length <= BODY_SNIPPET_LENGTH ? redacted : `${redacted.slice(0, BODY_SNIPPET_LENGTH)}…`;
}
