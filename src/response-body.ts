import { HyperbrowserInvalidResponseError, type HyperbrowserErrorDetails } from "./errors.js";
import { redactBody } from "./redact.js";

/** Longest piece of a body kept on an error, for logs. */
export const BODY_SNIPPET_LENGTH = 200;

/** The start of a body, bounded and with the session token redacted, for error messages and logs. */
export function bodySnippet(text: string): string {
  const redacted = redactBody(text);
  return redacted.length <= BODY_SNIPPET_LENGTH ? redacted : `${redacted.slice(0, BODY_SNIPPET_LENGTH)}…`;
}

/** True for `application/json` and `application/*+json` (problem+json included). */
export function isJsonContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[^/]+\+json$/.test(mediaType);
}

/**
 * Parses a 2xx body that the spec says is a JSON object, or throws `HyperbrowserInvalidResponseError`
 * saying what was wrong (wrong content type, empty, not JSON or truncated, not an object).
 */
export function parseJsonObjectBody(
  text: string | undefined,
  response: Response,
  details: HyperbrowserErrorDetails,
): Record<string, unknown> {
  const contentType = response.headers.get("content-type");
  const fail = (problem: string, cause?: unknown): never => {
    throw new HyperbrowserInvalidResponseError(`Invalid response to ${details.method ?? "GET"} ${details.url ?? ""}: ${problem}`, {
      ...details,
      cause,
      status: response.status,
      headers: response.headers,
      bodySnippet: text === undefined ? undefined : bodySnippet(text),
    });
  };
  if (!isJsonContentType(contentType)) fail(`expected application/json, got ${contentType ?? "no content type"}`);
  // A regex test, not trim(): trim would copy the whole body on every call.
  if (text === undefined || !/\S/.test(text)) return fail("the body is empty");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`the body is not valid JSON (${(error as Error).message})`, error);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return fail(`expected a JSON object, got ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`);
  }
  return value as Record<string, unknown>;
}

/** Parses an error body: JSON when it is JSON, else the text itself (for a readable message). */
export function parseErrorBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
