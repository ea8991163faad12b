import { isHyperbrowserNotFoundError, type HyperbrowserClient } from "@internal/hyperbrowser-session-client";

/** Whether a browser session can take a new automation job, and why not. */
export interface Usability {
  usable: boolean;
  reason: "active" | "closed" | "failed" | "not found" | "no endpoint";
  /** Where to connect, when usable. */
  wsEndpoint?: string | undefined;
}

/**
 * Looks a session up and says whether a job can use it. A missing session is an answer ("not found");
 * an upstream that stays unavailable is not: its error propagates, after the client's retries.
 */
export async function checkSessionUsable(client: HyperbrowserClient, id: string): Promise<Usability> {
  try {
    const session = await client.sessions.get(id);
    if (session.status === "closed") return { usable: false, reason: "closed" };
    if (session.status === "error") return { usable: false, reason: "failed" };
    if (!session.wsEndpoint) return { usable: false, reason: "no endpoint" };
    return { usable: true, reason: "active", wsEndpoint: session.wsEndpoint };
  } catch (error) {
    if (isHyperbrowserNotFoundError(error)) return { usable: false, reason: "not found" };
    throw error;
  }
}
