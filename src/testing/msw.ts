import { http, HttpResponse, type HttpHandler } from "msw";
import type { ErrorResponse, SessionDetail } from "../types.js";
import type { HyperbrowserMock } from "./mock-upstream.js";

/**
 * msw 2 request handlers for the Hyperbrowser API, answered by a {@link HyperbrowserMock}: the same
 * sessions, scenarios and call records as its `fetch`. The client's default transport is `node:http`,
 * which msw's `setupServer` intercepts, so a service's client needs no `fetch` option. Give the mock
 * the base URL the service's client uses (`createHyperbrowserMock({ baseUrl })`).
 *
 * `msw` is an optional peer dependency: this entry (`…/testing/msw`) is the only one that loads it.
 *
 * @example
 * const mock = createHyperbrowserMock({
 *   baseUrl: "https://api.hyperbrowser.ai",
 *   apiKey: process.env.HYPERBROWSER_API_KEY,
 * });
 * const server = setupServer(...createMswHandlers(mock));
 */
export function createMswHandlers(mock: HyperbrowserMock): HttpHandler[] {
  return [
    http.get<{ id: string }, never, SessionDetail | ErrorResponse>(`${mock.baseUrl}/api/session/:id`, ({ request }) =>
      answer(mock, request),
    ),
    // Anything else on the API's origin: the mock's 404 (or 401), never a real request.
    http.all(`${mock.baseUrl}/*`, ({ request }) => answer(mock, request)),
  ];
}

async function answer(mock: HyperbrowserMock, request: Request): Promise<Response> {
  try {
    return await mock.handle(request);
  } catch (error) {
    // A `networkError` scenario: msw turns this into a failed connection.
    if (error instanceof TypeError && error.message === "fetch failed") return HttpResponse.error();
    throw error;
  }
}
