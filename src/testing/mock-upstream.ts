import type { HyperbrowserClient, HyperbrowserClientOptions } from "../index.js";
import { createHyperbrowserClient } from "../index.js";
import { checkBaseUrl } from "../client-option-checks.js";
import { onAbort } from "../internal/abort-listener.js";
import { checkKnownOptions, headerValueProblem, optionError } from "../internal/checks.js";
import type { Clock } from "../internal/clock.js";
import type { SessionDetail } from "../types.js";
import { buildErrorResponse, buildSessionDetail, type FixtureOptions } from "./build-session-detail.js";
import type { DeepPartial } from "./deep-merge.js";
import { isNullBodyStatus, ScenarioQueue, type MockScenario, type ScenarioTarget } from "./scenarios.js";
import { assertMatchesSpec } from "./spec-check.js";

/** Options of {@link createHyperbrowserMock}. */
export interface HyperbrowserMockOptions {
  /**
   * The key the mock accepts; any other (or none) gets a 401.
   * @default "test-api-key"
   */
  apiKey?: string | undefined;
  /**
   * The base URL the mock answers on (give your service's configured one when using msw handlers).
   * @default "https://api.hyperbrowser.test"
   */
  baseUrl?: string | undefined;
  /** The clock `delay` scenarios wait on; give the client's test clock so both share virtual time. */
  clock?: Clock | undefined;
  /** Sessions held from the start. */
  sessions?: readonly SessionDetail[] | undefined;
}

/** One call the mock received, with what it answered. */
export interface MockCall {
  method: string;
  /** Path and query, as requested. */
  path: string;
  /** The session id of a `GET /api/session/{id}`, decoded. */
  id: string | undefined;
  /**
   * Request headers, names lower-cased; `x-api-key`, `authorization`, `proxy-authorization` and `cookie`
   * replaced by `[REDACTED]`.
   */
  headers: Record<string, string>;
  /** The scenario that answered, or `"session"` / `"not found"` / `"unauthorized"` / `"no route"`. */
  answer: MockScenario["kind"] | "session" | "not found" | "unauthorized" | "no route";
  /** The status sent; undefined for a network error or a hang. */
  status: number | undefined;
  /** The body sent: parsed JSON, or the text when it is not JSON. */
  body: unknown;
}

/** An in-memory Hyperbrowser API: sessions, scenarios, and a record of every call. No sockets. */
export interface HyperbrowserMock {
  readonly apiKey: string;
  readonly baseUrl: string;
  /** A `fetch` answering from the mock: pass it as `createHyperbrowserClient({ fetch })`. */
  readonly fetch: typeof globalThis.fetch;
  /** Every call so far, oldest first. */
  readonly calls: readonly MockCall[];
  /** A client wired to the mock (key, base URL, fetch); `options` are added (a `clock`, `maxRetries`…). */
  client(options?: HyperbrowserClientOptions): HyperbrowserClient;
  /** Adds a session built by `buildSessionDetail(overrides, options)` and returns it. */
  add(overrides?: DeepPartial<SessionDetail>, options?: FixtureOptions): SessionDetail;
  /** Removes a session; true when it was there. */
  remove(id: string): boolean;
  /** The session held under an id. */
  get(id: string): SessionDetail | undefined;
  /**
   * Answers the next calls (or the calls for `target.id`) with a scenario instead of the sessions.
   * @example mock.respond({ kind: "status", status: 503, retryAfter: 1 }, { times: 2 })
   */
  respond(scenario: MockScenario, target?: ScenarioTarget): void;
  /** Answers one request, as the mock's `fetch` does (for msw handlers and other adapters). */
  handle(request: Request): Promise<Response>;
  /** Forgets calls and queued scenarios; sessions stay. */
  reset(): void;
}

const WHERE = "createHyperbrowserMock";
const OPTION_NAMES = ["apiKey", "baseUrl", "clock", "sessions"] as const;
const SESSION_PATH_RE = /^\/api\/session\/([^/]+)$/;
const REDACTED = "[REDACTED]";
// Headers that carry credentials: the API key, and whatever a service's own auth or a proxy adds.
const SECRET_HEADERS = new Set(["x-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie"]);

/**
 * An in-memory upstream for tests of code that looks sessions up: holds sessions, answers
 * `GET /api/session/{id}` from them (an unknown id gets the spec's 404 `ErrorResponse`), checks the
 * API key, records every call with the key redacted, and plays scenarios (a status with `Retry-After`,
 * a network error, a hang, a delay, a malformed or spec-breaking body). Every 2xx it sends from its
 * sessions is valid against openapi.json: sessions are checked by the client's generated validators
 * when added.
 *
 * @example
 * const mock = createHyperbrowserMock();
 * const session = mock.add({ status: "active" });
 * const client = mock.client();
 * await client.sessions.get(session.id); // the session
 */
export function createHyperbrowserMock(options: HyperbrowserMockOptions = {}): HyperbrowserMock {
  checkMockOptions(options);
  const apiKey = options.apiKey ?? "test-api-key";
  const baseUrl = checkBaseUrl(options.baseUrl ?? "https://api.hyperbrowser.test", WHERE);
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "");
  const sessions = new Map<string, SessionDetail>();
  const calls: MockCall[] = [];
  const scenarios = new ScenarioQueue();
  const clock = options.clock;

  const store = (session: SessionDetail) => {
    assertMatchesSpec(session, "200", "createHyperbrowserMock: a session");
    if (typeof session.id !== "string" || session.id === "")
      throw new TypeError("createHyperbrowserMock: a session needs an id");
    sessions.set(session.id, structuredClone(session));
    return structuredClone(session);
  };
  for (const session of options.sessions ?? []) store(session);

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    const match = SESSION_PATH_RE.exec(path);
    const id = match ? safeDecode(match[1] as string) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = SECRET_HEADERS.has(name) ? REDACTED : value;
    });
    const call: MockCall = {
      method: request.method,
      path: `${path}${url.search}`,
      id,
      headers,
      answer: "session",
      status: undefined,
      body: undefined,
    };
    calls.push(call);
    const answer = (kind: MockCall["answer"], status: number, body: unknown, extra: Record<string, string> = {}) => {
      // A 204, 205 or 304 carries no body; the scenario check refuses one given explicitly.
      const sent = isNullBodyStatus(status) ? null : body;
      const text = sent === null ? null : typeof sent === "string" ? sent : JSON.stringify(sent);
      Object.assign(call, { answer: kind, status, body: typeof sent === "string" ? safeParse(sent) : sent });
      return new Response(text, {
        status,
        headers: { "content-type": "application/json", "x-request-id": `mock-${calls.length}`, ...extra },
      });
    };

    if (request.headers.get("x-api-key") !== apiKey) return answer("unauthorized", 401, { message: "Invalid API key" });
    if (request.method !== "GET" || id === undefined)
      return answer("no route", 404, { message: `No route for ${request.method} ${path}` });
    const scenario = scenarios.take(id);
    switch (scenario?.kind) {
      case undefined:
        break;
      case "status": {
        const body =
          scenario.body ??
          (scenario.status >= 300 ? buildErrorResponse({ message: `Simulated ${scenario.status}` }) : sessions.get(id));
        return answer(
          "status",
          scenario.status,
          body ?? buildErrorResponse(),
          scenario.retryAfter === undefined ? {} : { "retry-after": String(scenario.retryAfter) },
        );
      }
      case "networkError":
        Object.assign(call, { answer: "networkError" });
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error(scenario.message ?? "read ECONNRESET"), { code: "ECONNRESET" }),
        });
      case "hang":
        Object.assign(call, { answer: "hang" });
        return new Promise<Response>((_resolve, reject) => {
          if (request.signal.aborted) reject(request.signal.reason);
          else onAbort(request.signal, () => reject(request.signal.reason));
        });
      case "delay":
        await wait(scenario.ms, request.signal, clock);
        break;
      case "malformed":
        return answer("malformed", 200, `{"id":"${id}","status":"act`);
      case "invalid":
        return answer("invalid", 200, {
          ...(sessions.get(id) ?? { id }),
          startTime: 1_764_147_600_000,
          status: "paused",
        });
    }
    const session = sessions.get(id);
    const response = session ? answer("session", 200, session) : answer("not found", 404, buildErrorResponse());
    if (scenario?.kind === "delay") call.answer = "delay";
    return response;
  };

  const mockFetch: typeof globalThis.fetch = (input, init) =>
    handle(input instanceof Request && init === undefined ? input : new Request(input, init));

  return {
    apiKey,
    baseUrl,
    fetch: mockFetch,
    calls,
    client: (clientOptions = {}) =>
      createHyperbrowserClient({ apiKey, baseUrl, fetch: mockFetch, ...(clock ? { clock } : {}), ...clientOptions }),
    add: (overrides, fixtureOptions) => store(buildSessionDetail(overrides, fixtureOptions)),
    remove: (id) => sessions.delete(id),
    get: (id) => {
      const session = sessions.get(id);
      return session ? structuredClone(session) : undefined;
    },
    respond: (scenario, target) => scenarios.add(scenario, target),
    handle,
    reset: () => {
      calls.length = 0;
      scenarios.clear();
    },
  };
}

function checkMockOptions(options: HyperbrowserMockOptions): void {
  if (typeof options !== "object" || options === null) throw optionError(WHERE, "options", "an object", options);
  checkKnownOptions(WHERE, options, OPTION_NAMES);
  const { apiKey, clock, sessions } = options;
  if (apiKey !== undefined) {
    if (typeof apiKey !== "string")
      throw new TypeError(`${WHERE}: \`apiKey\` must be a string, got ${apiKey === null ? "null" : typeof apiKey}`);
    if (apiKey === "") throw optionError(WHERE, "apiKey", "a non-empty string");
    const problem = headerValueProblem(apiKey);
    if (problem) throw new TypeError(`${WHERE}: \`apiKey\` ${problem}`);
  }
  if (
    clock !== undefined &&
    ["now", "wallTime", "sleep"].some(
      (method) => typeof (clock as unknown as Record<string, unknown> | null)?.[method] !== "function",
    )
  ) {
    throw optionError(WHERE, "clock", "a clock with now, wallTime and sleep functions (createTestClock())", clock);
  }
  if (sessions !== undefined && !Array.isArray(sessions))
    throw optionError(WHERE, "sessions", "an array of sessions", sessions);
}

function wait(ms: number, signal: AbortSignal, clock: Clock | undefined): Promise<void> {
  if (clock) return clock.sleep(ms, signal);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      removeListener();
      resolve();
    }, ms);
    const removeListener = onAbort(signal, () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
