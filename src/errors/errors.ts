import { redactFetchHeaders, redactJsonValue, redactText } from "../internal/redact.js";

/** Marks errors of this package so type guards work across two installed copies (where `instanceof` fails). */
export const ERROR_BRAND: unique symbol = Symbol.for("hyperbrowser-session-client.error") as never;

/** What every error of this package can say about the request that failed. */
export interface HyperbrowserErrorDetails {
  /** HTTP method of the request. */
  method?: string | undefined;
  /** Request URL. It never holds the API key: the key travels only in a header. */
  url?: string | undefined;
  /** The server's request id (`x-request-id` or `request-id` response header). */
  requestId?: string | undefined;
  /** The id this client sent in `x-client-request-id`, the same on every attempt of one call. */
  clientRequestId?: string | undefined;
  /** How many attempts were made (1 when no retry happened; 0 when nothing was sent). */
  attempts?: number | undefined;
  /** The underlying error, when there is one. */
  cause?: unknown;
}

/** Base class of every error this client throws. */
export class HyperbrowserError extends Error {
  override name: string = "HyperbrowserError";
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  readonly attempts: number;
  declare readonly [ERROR_BRAND]: true;

  constructor(message: string, details: HyperbrowserErrorDetails = {}) {
    // Secrets are removed here, where every error of the package is made, whatever path raised it.
    super(redactText(message), details.cause === undefined ? undefined : { cause: redactCause(details.cause) });
    this.method = details.method;
    this.url = details.url === undefined ? undefined : redactText(details.url);
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.attempts = details.attempts ?? 0;
    Object.defineProperty(this, ERROR_BRAND, { value: true });
  }

  /** A plain, secret-free object, so `JSON.stringify(error)` says what went wrong. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      method: this.method,
      url: this.url,
      requestId: this.requestId,
      clientRequestId: this.clientRequestId,
      attempts: this.attempts,
    };
  }
}

/** Details of a connection failure. */
export interface HyperbrowserConnectionErrorDetails extends HyperbrowserErrorDetails {
  /** The system or protocol code (`ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`, `HPE_INVALID_CONSTANT`…). */
  code?: string | undefined;
}

/**
 * The request could not reach the server or the connection broke (refused, reset, DNS failure, TLS
 * verification failure).
 */
export class HyperbrowserConnectionError extends HyperbrowserError {
  override name: string = "HyperbrowserConnectionError";
  /** The system or protocol code of the failure, when there is one (`ECONNREFUSED`, `CERT_HAS_EXPIRED`…). */
  readonly code: string | undefined;

  constructor(message: string, details: HyperbrowserConnectionErrorDetails = {}) {
    super(message, details);
    this.code = details.code;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code };
  }
}

/** An attempt, or the whole call's deadline, ran out of time (headers and body both count). */
export class HyperbrowserTimeoutError extends HyperbrowserConnectionError {
  override name = "HyperbrowserTimeoutError" as const;
}

/** The client was closed (`client.close()`); nothing was sent. */
export class HyperbrowserClientClosedError extends HyperbrowserError {
  override name = "HyperbrowserClientClosedError" as const;
}

/** The caller's `AbortSignal` fired; nothing is retried after that. */
export class HyperbrowserAbortError extends HyperbrowserError {
  override name = "HyperbrowserAbortError" as const;
}

/**
 * An argument can never make a valid request (for example a session id of `..` or with a control
 * character). Thrown before anything is sent, so `attempts` is 0.
 */
export class HyperbrowserInvalidArgumentError extends HyperbrowserError {
  override name = "HyperbrowserInvalidArgumentError" as const;
  /** The name of the rejected argument or path parameter. */
  readonly argument: string;

  constructor(message: string, details: HyperbrowserErrorDetails & { argument: string }) {
    super(message, details);
    this.argument = details.argument;
  }
}

/** Details of an error tied to an HTTP response. */
export interface HyperbrowserResponseErrorDetails extends HyperbrowserErrorDetails {
  status: number;
  headers?: Headers | undefined;
  /** The start of the response body (bounded), for logs. */
  bodySnippet?: string | undefined;
}

/**
 * An answer the client cannot use. Either a 2xx whose body is not the JSON the spec promises (not
 * JSON, empty, wrong content type, larger than the client reads, or, with `validateResponses: "throw"`,
 * breaking the spec's schema), or an answer that is not usable HTTP: bytes that do not parse as HTTP
 * (`status` 0), a status outside 200–599 (`status` is what the server sent), or a redirect a custom
 * `fetch` followed although it was asked not to. Not retried.
 */
export class HyperbrowserInvalidResponseError extends HyperbrowserError {
  override name = "HyperbrowserInvalidResponseError" as const;
  readonly status: number;
  readonly headers: Headers | undefined;
  readonly bodySnippet: string | undefined;
  /** Where the body breaks the spec's schema (bounded), when schema validation found it. */
  readonly violations: readonly { path: string; message: string }[];

  constructor(
    message: string,
    details: HyperbrowserResponseErrorDetails & { violations?: readonly { path: string; message: string }[] },
  ) {
    super(message, details);
    this.status = details.status;
    this.headers = redactFetchHeaders(details.headers);
    this.bodySnippet = details.bodySnippet === undefined ? undefined : redactText(details.bodySnippet);
    this.violations = (details.violations ?? []).map((violation) => ({
      path: redactText(violation.path),
      message: redactText(violation.message),
    }));
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, bodySnippet: this.bodySnippet, violations: this.violations };
  }
}

/** Details of a non-2xx response. */
export interface HyperbrowserApiErrorDetails extends HyperbrowserResponseErrorDetails {
  /** The parsed JSON body, or the body text when it is not JSON (bounded). */
  body?: unknown;
}

/** The server answered with a non-2xx status, declared by the spec or not. */
export class HyperbrowserApiError<TStatus extends number = number> extends HyperbrowserError {
  override name: string = "HyperbrowserApiError";
  readonly status: TStatus;
  readonly body: unknown;
  readonly headers: Headers | undefined;
  readonly bodySnippet: string | undefined;

  constructor(message: string, details: HyperbrowserApiErrorDetails & { status: TStatus }) {
    super(message, details);
    this.status = details.status;
    this.body = redactJsonValue(details.body);
    this.headers = redactFetchHeaders(details.headers);
    this.bodySnippet = details.bodySnippet === undefined ? undefined : redactText(details.bodySnippet);
  }

  override toJSON(): Record<string, unknown> {
    // A body nested deeper than JSON.stringify can recurse is shown as its snippet instead.
    return {
      ...super.toJSON(),
      status: this.status,
      body: isShallow(this.body, MAX_JSON_BODY_DEPTH) ? this.body : this.bodySnippet,
    };
  }
}

/** 3xx: the client never follows redirects (the API key must not travel to another URL). */
export class HyperbrowserRedirectError extends HyperbrowserApiError {
  override name = "HyperbrowserRedirectError" as const;
  /** The `Location` the server pointed to (not followed). */
  readonly location: string | undefined;

  constructor(message: string, details: HyperbrowserApiErrorDetails) {
    super(message, details);
    this.location = this.headers?.get("location") ?? undefined;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), location: this.location };
  }
}

/** 401: the API key is missing or not accepted. */
export class HyperbrowserAuthenticationError extends HyperbrowserApiError<401> {
  override name = "HyperbrowserAuthenticationError" as const;
}

/** 403: the key is valid but may not do this. */
export class HyperbrowserPermissionDeniedError extends HyperbrowserApiError<403> {
  override name = "HyperbrowserPermissionDeniedError" as const;
}

/** 404: no session with this id (the spec declares this response). */
export class HyperbrowserNotFoundError extends HyperbrowserApiError<404> {
  override name = "HyperbrowserNotFoundError" as const;
}

/** 409: the request conflicts with the resource's state. */
export class HyperbrowserConflictError extends HyperbrowserApiError<409> {
  override name = "HyperbrowserConflictError" as const;
}

/** 422: the server understood the request but will not process it. */
export class HyperbrowserUnprocessableEntityError extends HyperbrowserApiError<422> {
  override name = "HyperbrowserUnprocessableEntityError" as const;
}

/** 429: too many requests; the `Retry-After` header, if any, is on `headers`. */
export class HyperbrowserRateLimitError extends HyperbrowserApiError<429> {
  override name = "HyperbrowserRateLimitError" as const;
}

/** 5xx: the server failed. */
export class HyperbrowserServerError extends HyperbrowserApiError {
  override name = "HyperbrowserServerError" as const;
}

const MAX_JSON_BODY_DEPTH = 64;

/**
 * The cause, or a stand-in with the same name, message, code and stack minus secrets when the cause's
 * text holds one (a platform error quoting a URL, say): `inspect(error)` prints causes whole.
 */
function redactCause(cause: unknown, depth = 0): unknown {
  if (typeof cause === "string") return redactText(cause);
  if (!(cause instanceof Error) || ERROR_BRAND in cause) return cause;
  // inspect prints the whole chain; a chain longer than this is cut rather than searched.
  const inner =
    cause.cause === undefined ? undefined : depth < 8 ? redactCause(cause.cause, depth + 1) : "[cause chain cut]";
  const message = String(cause.message);
  const stack = String(cause.stack);
  const cleanMessage = redactText(message);
  const cleanStack = redactText(stack);
  if (cleanMessage === message && cleanStack === stack && inner === cause.cause) return cause;
  const standIn = new Error(cleanMessage, inner === undefined ? undefined : { cause: inner }) as Error & {
    code?: unknown;
  };
  standIn.name = cause.name;
  standIn.stack = cleanStack;
  const { code } = cause as { code?: unknown };
  if (typeof code === "string") standIn.code = code;
  return standIn;
}

/** True when `value` nests no deeper than `limit` arrays/objects (checked without recursion). */
function isShallow(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const [current, depth] = item;
    if (typeof current !== "object" || current === null) continue;
    if (depth >= limit) return false;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return true;
}
