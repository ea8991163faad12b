import { HyperbrowserInvalidResponseError, type HyperbrowserErrorDetails } from "../errors/errors.js";
import { serverRequestId, type ResponseHeaders } from "../http/response-headers.js";
import { describeJsonSyntaxError } from "../internal/json-problem.js";
import { bodySnippet } from "../internal/redact.js";

/** What the body parsers need of a response. */
export interface ReceivedResponse {
  status: number;
  headers: ResponseHeaders;
}

// True for `application/json` and `application/*+json` (problem+json included).
function isJsonContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  if (contentType === "application/json" || contentType.startsWith("application/json;")) return true;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[^/]+\+json$/.test(mediaType);
}

/**
 * Parses a 2xx body that the spec says is a JSON object, or throws `HyperbrowserInvalidResponseError`
 * saying what was wrong (wrong content type, empty, not JSON or truncated, not an object).
 */
export function parseJsonObjectBody(
  text: string | undefined,
  response: ReceivedResponse,
  details: HyperbrowserErrorDetails,
): Record<string, unknown> {
  const contentType = response.headers.get("content-type");
  if (!isJsonContentType(contentType))
    invalidBody(`expected application/json, got ${contentType ?? "no content type"}`, text, response, details);
  // A regex test, not trim(): trim would copy the whole body on every call.
  if (text === undefined || !/\S/.test(text)) return invalidBody("the body is empty", text, response, details);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // No `cause`: the parser's SyntaxError quotes the body, and inspect(error) would print it.
    return invalidBody(describeJsonSyntaxError(error, text), text, response, details);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const kind = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    return invalidBody(`expected a JSON object, got ${kind}`, text, response, details);
  }
  return value as Record<string, unknown>;
}

function invalidBody(
  problem: string,
  text: string | undefined,
  response: ReceivedResponse,
  details: HyperbrowserErrorDetails,
  cause?: unknown,
): never {
  throw new HyperbrowserInvalidResponseError(
    `Invalid response to ${details.method ?? "GET"} ${details.url ?? ""}: ${problem}`,
    {
      ...details,
      cause,
      requestId: details.requestId ?? serverRequestId(response.headers),
      status: response.status,
      headers: response.headers.toHeaders(),
      bodySnippet: text === undefined ? undefined : bodySnippet(text),
    },
  );
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
