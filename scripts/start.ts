/**
 * The main job: looks up a session with the CLI (`hyperbrowser-session get`) and prints it.
 * Without HYPERBROWSER_BASE_URL, the CLI queries the testing kit's mock of the sample sessions, served on
 * 127.0.0.1 behind a Prism validating proxy of openapi.json (`--errors`), so what is printed passed the contract.
 * Usage: npm start [-- <session-id>]
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createHyperbrowserMock } from "../src/testing/mock-upstream.js";
import { DEFAULT_SAMPLE_ID, sampleSessions } from "../src/testing/sample-sessions.js";
import { serveMock } from "../src/testing/serve-mock.js";
import { ROOT, SPEC_PATH } from "./lib/paths.js";
import { startPrism } from "./lib/prism.js";

const MOCK_KEY = "npm-start-key";
const sessionId = process.argv[2] ?? DEFAULT_SAMPLE_ID;

// The CLI runs as its own process (from source): scripts never import src/cli/.
function runCli(args: string[]): Promise<number> {
  console.log(`hyperbrowser-session ${args.map((arg) => (arg === MOCK_KEY ? "…" : arg)).join(" ")}\n`);
  const child = spawn(
    process.execPath,
    ["--import", join(ROOT, "scripts/register-ts-node.mjs"), join(ROOT, "src/cli/main.ts"), ...args],
    { stdio: "inherit" },
  );
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

if (process.env["HYPERBROWSER_BASE_URL"]) {
  process.exitCode = await runCli(["get", sessionId]);
} else {
  const served = await serveMock(createHyperbrowserMock({ apiKey: MOCK_KEY, sessions: sampleSessions() }));
  try {
    const prism = await startPrism(SPEC_PATH, { mode: "proxy", upstream: served.url });
    try {
      console.log(
        `mock: Prism validating openapi.json (proxy, --errors) in front of the in-memory mock; it ` +
          `knows ${sampleSessions()
            .map((s) => s.id)
            .join(", ")}`,
      );
      process.exitCode = await runCli(["get", sessionId, "--base-url", prism.url, "--api-key", MOCK_KEY]);
    } finally {
      await prism.close();
    }
  } finally {
    await served.close();
  }
}
