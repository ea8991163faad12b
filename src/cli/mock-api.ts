import type { HyperbrowserClientOptions } from "../client-options.js";
import { createHyperbrowserMock } from "../testing/mock-upstream.js";
import { sampleSessions } from "../testing/sample-sessions.js";

// The key the `--mock` API accepts, used when no `--api-key` is given.
const MOCK_API_KEY = "mock-api-key";

/** How the client reaches the `--mock` API, and a line saying what it is. */
export interface CliMock {
  client: Pick<HyperbrowserClientOptions, "apiKey" | "baseUrl" | "fetch">;
  description: string;
}

/**
 * The testing kit's in-memory mock holding the sample sessions, reached through its `fetch` (no socket,
 * no child process). It checks the key like the real API: `apiKey` (the caller's `--api-key`) is sent
 * as given, so a wrong key gets a 401.
 */
export function createCliMock(apiKey: string | undefined): CliMock {
  const mock = createHyperbrowserMock({ apiKey: MOCK_API_KEY, sessions: sampleSessions() });
  const ids = sampleSessions()
    .map((session) => session.id)
    .join(", ");
  return {
    client: { apiKey: apiKey ?? MOCK_API_KEY, baseUrl: mock.baseUrl, fetch: mock.fetch },
    description: `mock: the in-memory mock (key ${JSON.stringify(MOCK_API_KEY)}); it knows ${ids}`,
  };
}
