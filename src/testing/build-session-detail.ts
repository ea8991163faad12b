import { SCHEMA_PROPERTIES } from "../../generated/spec-constants.js";
import type { ErrorResponse, SessionDetail } from "../types.js";
import { deepMerge, type DeepPartial } from "./deep-merge.js";
import { pick, randomString, randomUuid, seededRandom, type RandomSource } from "./seeded-random.js";
import { assertMatchesSpec } from "./spec-check.js";

/** Options of the fixture builders. */
export interface FixtureOptions {
  /** Makes the fixture deterministic: the same seed and overrides give the same object. */
  seed?: number | undefined;
}

// A fixed point in time, so a seeded fixture is the same on every run and machine.
const EPOCH_MS = Date.UTC(2026, 10, 26, 9, 0, 0);
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

/**
 * A realistic `SessionDetail` that the spec accepts: UUID ids, ISO 8601 dates, millisecond timestamps as
 * the spec's strings, plausible URLs and a real launch state, deep-merged with `overrides` (`undefined`
 * removes a field) and checked by the generated validators the client ships: an override that breaks
 * the spec throws a `TypeError` naming the JSON pointer.
 *
 * @example
 * const closed = buildSessionDetail({ status: "closed" }, { seed: 7 });
 */
export function buildSessionDetail(
  overrides: DeepPartial<SessionDetail> = {},
  options: FixtureOptions = {},
): SessionDetail {
  const random = seededRandom(options.seed);
  // The URLs carry the id and token: build them from the overriding ones, when given.
  const { id, token } = overrides as { id?: unknown; token?: unknown };
  const base = baseSession(
    random,
    typeof id === "string" ? id : undefined,
    typeof token === "string" ? token : undefined,
  );
  const status = (overrides as { status?: unknown }).status;
  // A closed or failed session has ended; keep the fixture coherent unless told otherwise.
  if (status === "closed" || status === "error")
    base.endTime = String(Number(base.startTime) + 60_000 + Math.floor(random() * 3_600_000));
  const session = deepMerge(keepDeclared(base, "SessionDetail") as SessionDetail, overrides, "buildSessionDetail");
  assertMatchesSpec(session, "200", "buildSessionDetail: the session");
  return session;
}

/**
 * The spec's `ErrorResponse` (the 404 body), `{ message: "Session not found" }` unless overridden,
 * checked like {@link buildSessionDetail}.
 */
export function buildErrorResponse(overrides: DeepPartial<ErrorResponse> = {}): ErrorResponse {
  const body = deepMerge<ErrorResponse>({ message: "Session not found" }, overrides, "buildErrorResponse");
  assertMatchesSpec(body, "404", "buildErrorResponse: the body");
  return body;
}

/**
 * The fixture's fields that the vendored spec declares, nested schemas included: the builder follows
 * openapi.json when a regenerated spec drops a field, rather than keep sending it.
 */
function keepDeclared(value: Record<string, unknown>, schema: string): Record<string, unknown> {
  const declared = SCHEMA_PROPERTIES[schema];
  if (!declared) return value;
  const kept: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    if (!(name in declared)) continue;
    const nested = declared[name];
    kept[name] =
      nested && typeof field === "object" && field !== null && !Array.isArray(field)
        ? keepDeclared(field as Record<string, unknown>, nested)
        : field;
  }
  return kept;
}

// Typed loosely on purpose: the spec this is checked against is regenerated, and fields come and go.
function baseSession(
  random: RandomSource,
  givenId: string | undefined,
  givenToken: string | undefined,
): Record<string, unknown> & { startTime: string; endTime: string | null } {
  const randomId = randomUuid(random);
  const randomToken = randomString(random, 40);
  const id = givenId ?? randomId;
  const token = givenToken ?? randomToken;
  const createdMs = EPOCH_MS - Math.floor(random() * 7 * 24 * 3_600_000);
  const startMs = createdMs + 1_000 + Math.floor(random() * 4_000);
  const launchState: Record<string, unknown> = {
    useUltraStealth: false,
    useStealth: random() < 0.7,
    useProxy: random() < 0.4,
    solveCaptchas: random() < 0.3,
    adblock: true,
    trackers: true,
    annoyances: random() < 0.5,
    screen: { ...pick(random, SCREENS) },
    enableWebRecording: random() < 0.5,
    acceptCookies: random() < 0.5,
    profile: { id: randomUuid(random), persistChanges: random() < 0.5 },
  };
  return {
    id,
    teamId: randomUuid(random),
    status: "active",
    startTime: String(startMs),
    endTime: null,
    createdAt: new Date(createdMs).toISOString(),
    updatedAt: new Date(startMs).toISOString(),
    launchState,
    creditsUsed: Math.round(random() * 500) / 100,
    sessionUrl: `https://app.hyperbrowser.ai/features/sessions/${id}`,
    liveUrl: `https://app.hyperbrowser.ai/live?sessionId=${id}&token=${token}`,
    token,
    wsEndpoint: `wss://connect.hyperbrowser.ai/?sessionId=${id}&token=${token}`,
    webdriverEndpoint: `https://connect.hyperbrowser.ai/webdriver/${id}`,
    computerActionEndpoint: `https://connect.hyperbrowser.ai/computer-action/${id}`,
  };
}
