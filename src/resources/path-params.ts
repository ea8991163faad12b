import { HyperbrowserInvalidArgumentError } from "../errors/errors.js";

/** Longest path parameter (for example a session id) the client sends, in UTF-16 code units. */
export const MAX_PATH_PARAM_LENGTH = 256;

// C0 controls, DEL and C1 controls: invisible in logs, and some servers and proxies cut the path at them.
const CONTROL_CHARACTER_RE = /[\u0000-\u001f\u007f-\u009f]/;
const DOT_SEGMENT_RE = /^(?:\.|%2e){1,2}$/i;
// Ids made only of unreserved characters (UUIDs among them) need no checks and no encoding.
const PLAIN_SEGMENT_RE = /^[A-Za-z0-9_~-]{1,256}$/;

// Why a value cannot be sent as exactly one path segment that decodes back to itself: empty, only
// whitespace, a dot segment (`.`, `..`, `%2e`…, which URL resolution or a decoding proxy turns into a
// parent path), a control character, ill-formed Unicode, or too long; undefined when it can.
function pathParamProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string, got ${value === null ? "null" : typeof value}`;
  if (value.length === 0) return "must not be empty";
  if (value.length > MAX_PATH_PARAM_LENGTH)
    return `must be at most ${MAX_PATH_PARAM_LENGTH} characters, got ${value.length}`;
  if (value.trim() === "") return "must not be only whitespace";
  if (DOT_SEGMENT_RE.test(value)) return "must not be a dot segment ('.', '..' or a percent-encoded spelling of one)";
  if (CONTROL_CHARACTER_RE.test(value)) return "must not contain control characters";
  if (!value.isWellFormed()) return "must be well-formed Unicode (it has a lone surrogate)";
  return undefined;
}

// Quotes a rejected value for an error message: JSON-escaped (so control characters show) and bounded.
function quoteForMessage(value: unknown, limit = 40): string {
  if (typeof value !== "string") return String(value);
  const shown = value.length > limit ? `${value.slice(0, limit)}…` : value;
  return JSON.stringify(shown.isWellFormed() ? shown : shown.toWellFormed());
}

/**
 * An openapi-fetch `pathSerializer` that fills each `{name}` with its parameter, checked by
 * {@link pathParamProblem} and percent-encoded as one segment. A missing or unusable parameter throws
 * `HyperbrowserInvalidArgumentError` before anything is sent.
 */
export function serializePathSafely(pathname: string, pathParams: Record<string, unknown>): string {
  let path = "";
  let from = 0;
  for (let open = pathname.indexOf("{"); open >= 0; open = pathname.indexOf("{", from)) {
    const close = pathname.indexOf("}", open);
    if (close < 0) break;
    path += pathname.slice(from, open) + serializeParam(pathname.slice(open + 1, close), pathParams);
    from = close + 1;
  }
  return from === 0 ? pathname : path + pathname.slice(from);
}

function serializeParam(name: string, pathParams: Record<string, unknown>): string {
  const value = pathParams[name];
  if (typeof value === "string" && PLAIN_SEGMENT_RE.test(value)) return value;
  const problem = value === undefined ? "is required" : pathParamProblem(value);
  if (problem !== undefined) {
    const shown = value === undefined ? "" : ` ${quoteForMessage(value)}`;
    throw new HyperbrowserInvalidArgumentError(`Invalid path parameter \`${name}\`${shown}: ${problem}`, {
      argument: name,
    });
  }
  return encodeURIComponent(value as string);
}
