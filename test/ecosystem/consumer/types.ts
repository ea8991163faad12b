import {
  createHyperbrowserClient,
  HyperbrowserTimeoutError,
  type SessionDetail,
} from "@internal/hyperbrowser-session-client";
import { createHyperbrowserMock } from "@internal/hyperbrowser-session-client/testing";

export async function status(id: string): Promise<SessionDetail["status"]> {
  await using client = createHyperbrowserClient({ apiKey: "k", timeoutMs: 1_000 });
  try {
    return (await client.sessions.get(id)).status;
  } catch (error) {
    if (error instanceof HyperbrowserTimeoutError) return undefined;
    throw error;
  }
}
export const mock = createHyperbrowserMock;
