import { buildSessionDetail } from "./build-session-detail.js";
import type { SessionDetail } from "../types.js";

/** The sample session `npm start` looks up by default. */
export const DEFAULT_SAMPLE_ID = "497f6eca-6276-4993-bfeb-53cbbbba6f08";

/**
 * Sample sessions (the CLI's `--mock`, `npm start`): realistic, seeded (the same on every run), valid against
 * the spec.
 */
export function sampleSessions(): SessionDetail[] {
  return [
    buildSessionDetail({ id: DEFAULT_SAMPLE_ID, status: "active" }, { seed: 1 }),
    buildSessionDetail({ id: "0b9f3c52-6a1e-4f5d-9c7e-2d4b8a1f6e93", status: "closed" }, { seed: 2 }),
    buildSessionDetail({ id: "c47e1a08-93d2-4b6f-8e15-7a0c2f9d3b64", status: "error", launchState: null }, { seed: 3 }),
  ];
}
