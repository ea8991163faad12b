import { nearestName } from "./nearest-name.js";

// The one place options are checked. Every message has one shape,
//   `<function>: \`<option>\` must be <what it must be>, got <the type>`,
// and never quotes a string value: a key pasted into the wrong option must not reach a log.

// setTimeout fires at once for delays above 2^31 - 1 ms.
export const MAX_TIMER_MS = 2 ** 31 - 1;
// RFC 9110 token: what a header name may be made of.
const TOKEN_RE = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** The TypeError for an option that is not what it must be, in the package's one message format. */
export function optionError(where: string, name: string, expectation: string, value?: unknown): TypeError {
  const got = arguments.length >= 4 ? `, got ${describeValue(value)}` : "";
  return new TypeError(`${where}: \`${name}\` must be ${expectation}${got}`);
}

/** What a value is, for an error message: its type, and the value only for numbers and booleans (never a string). */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  return typeof value;
}

/**
 * Refuses keys that `known` does not list, naming the nearest known one: plain JavaScript callers get
 * `timeout` instead of `timeoutMs` pointed out rather than silently ignored.
 */
export function checkKnownOptions(where: string, options: object, known: readonly string[]): void {
  if (typeof options !== "object" || options === null) throw optionError(where, "options", "an object", options);
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const nearest = nearestName(key, known);
    // A key is shown only when it looks like an option name: anything else could be pasted data.
    const shown = /^[A-Za-z_$][\w$]{0,39}$/.test(key)
      ? ` \`${key}\``
      : " (its name is not shown: it does not look like one)";
    const hint =
      nearest === undefined
        ? `known options are ${known.map((name) => `\`${name}\``).join(", ")}`
        : `did you mean \`${nearest}\`?`;
    throw new TypeError(`${where}: unknown option${shown}; ${hint}`);
  }
}

/** Rejects a time limit that is not a positive number a timer can wait for. */
export function checkMilliseconds(where: string, name: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !(value > 0 && value <= MAX_TIMER_MS))
    throw optionError(where, name, `a number of milliseconds from 1 to ${MAX_TIMER_MS}`, value);
  return value;
}

/**
 * Why a string cannot be sent as a header value, or undefined when it can: the problem and the
 * position of the first bad character, never the value itself (it may be a secret).
 */
export function headerValueProblem(value: string): string | undefined {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    // CR and LF would end the header (header injection); other controls are refused by HTTP parsers.
    if ((code < 0x20 && code !== 0x09) || code === 0x7f)
      return `has a control character (U+${hex(code)}) at position ${index}`;
    if (code > 0xff)
      return `has a character outside Latin-1 (U+${hex(code)}) at position ${index}; header values are bytes`;
  }
  return undefined;
}

/** Why a string cannot be a header name, or undefined when it can. */
export function headerNameProblem(name: string): string | undefined {
  if (TOKEN_RE.test(name)) return undefined;
  if (name === "") return "is empty";
  const index = [...name].findIndex((character) => !TOKEN_RE.test(character));
  return `has a character not allowed in a header name at position ${index}`;
}

/** Checks a record of extra headers: string values, valid names and values, and no API key among them. */
export function checkHeaders(option: string, headers: unknown, apiKeyHeader: string): Record<string, string> {
  if (headers === undefined) return {};
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) {
    throw new TypeError(`${option} must be an object of header names to string values`);
  }
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const nameProblem = headerNameProblem(name);
    if (nameProblem) throw new TypeError(`${option}: header name ${JSON.stringify(name.slice(0, 40))} ${nameProblem}`);
    if (name.toLowerCase() === apiKeyHeader)
      throw new TypeError(`${option} must not set ${apiKeyHeader}: pass the key as \`apiKey\``);
    if (typeof value !== "string")
      throw new TypeError(`${option}: header ${name} must be a string, got ${value === null ? "null" : typeof value}`);
    const valueProblem = headerValueProblem(value);
    if (valueProblem) throw new TypeError(`${option}: the value of header ${name} ${valueProblem}`);
    checked[name] = value;
  }
  return checked;
}

function hex(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}
