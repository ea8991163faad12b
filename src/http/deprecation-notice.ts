/**
 * What a response said about its operation going away: the `Deprecation` header (RFC 9745, a structured
 * date `@<unix seconds>`) and the `Sunset` header (RFC 8594, an HTTP date), each as an ISO timestamp when
 * it parses, else as sent (control characters removed, at most 100 characters).
 */
export interface DeprecationNotice {
  deprecation: string | undefined;
  sunset: string | undefined;
}

const MAX_VALUE_LENGTH = 100;

/** The notice a response carries, or undefined when it carries neither header. */
export function readDeprecationNotice(headers: { get(name: string): string | null }): DeprecationNotice | undefined {
  const deprecation = headers.get("deprecation");
  const sunset = headers.get("sunset");
  if (deprecation === null && sunset === null) return undefined;
  return {
    deprecation: deprecation === null ? undefined : deprecationDate(deprecation),
    sunset: sunset === null ? undefined : httpDate(sunset),
  };
}

/** The operation a notice is about, for "once per operation": the method and the spec's path template. */
export function operationOf(call: { method: string; url: string; urlTemplate?: string | undefined }): string {
  // Without a template the path stands in (never the query, which may carry identifiers or secrets).
  return `${call.method} ${call.urlTemplate ?? new URL(call.url).pathname}`;
}

function deprecationDate(value: string): string {
  const match = /^@(-?\d{1,15})$/.exec(value.trim());
  return match ? new Date(Number(match[1]) * 1000).toISOString() : printable(value);
}

function httpDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? printable(value) : new Date(time).toISOString();
}

// The server decides these bytes and they reach log lines and span attributes.
function printable(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").slice(0, MAX_VALUE_LENGTH);
}
