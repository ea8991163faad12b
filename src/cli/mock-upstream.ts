import type { HyperbrowserClientOptions } from "../client-options.js";
import { createHyperbrowserMock } from "../testing/mock-upstream.js";
import { serveMock } from "../testing/serve-mock.js";
import { findPrism, startPrism } from "./prism.js";
import { sampleSessions } from "./sample-sessions.js";

/** The upstream `--mock` talks to, how the client reaches it, and a line saying what it is. */
export interface CliMock {
  client: Pick<HyperbrowserClientOptions, "apiKey" | "baseUrl" | "fetch">;
  description: string;
  close(): Promise<void>;
}

const MOCK_KEY = "mock-api-key";

/**
 * The in-memory mock holding the sample sessions. With Prism installed (a devDependency here), it is
 * served on 127.0.0.1 behind a Prism validating proxy of the bundled openapi.json (`--errors`), so
 * what is printed has passed the contract check; without Prism (an installed package), the client
 * talks to the in-memory mock directly.
 */
export async function startCliMock(specPath: string): Promise<CliMock> {
  const mock = createHyperbrowserMock({ apiKey: MOCK_KEY, sessions: sampleSessions() });
  const ids = sampleSessions()
    .map((session) => session.id)
    .join(", ");
  const prism = findPrism();
  if (!prism) {
    return {
      client: { apiKey: MOCK_KEY, baseUrl: mock.baseUrl, fetch: mock.fetch },
      description: `mock: the in-memory mock (Prism is not installed); it knows ${ids}`,
      close: async () => undefined,
    };
  }
  const served = await serveMock(mock);
  try {
    const proxy = await startPrism(specPath, { mode: "proxy", upstream: served.url }, prism);
    return {
      client: { apiKey: MOCK_KEY, baseUrl: proxy.url },
      description: `mock: Prism validating openapi.json (proxy, --errors) in front of the in-memory mock; it knows ${ids}`,
      close: async () => {
        await proxy.close();
        await served.close();
      },
    };
  } catch (error) {
    await served.close();
    throw error;
  }
}
