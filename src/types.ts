import type { components, paths } from "../generated/schema.js";

export type { components, paths };

/** A session with its connection endpoints, as returned by `GET /api/session/{id}`. */
export type SessionDetail = components["schemas"]["SessionDetail"];
/** The fields every session has. */
export type Session = components["schemas"]["Session"];
/** The options a session was launched with. */
export type SessionLaunchState = components["schemas"]["SessionLaunchState"];
/** Browser screen size of a session. */
export type ScreenConfig = components["schemas"]["ScreenConfig"];
/** The browser profile a session uses. */
export type CreateSessionProfile = components["schemas"]["CreateSessionProfile"];
/** The body of an error response the spec declares (for example 404). */
export type ErrorResponse = components["schemas"]["ErrorResponse"];
