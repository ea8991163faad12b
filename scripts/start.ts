/**
 * The main job: looks up a session through the client and prints it.
 * Without HYPERBROWSER_BASE_URL it starts the embedded Prism mock of openapi.json, and stops it after.
 * Usage: npm start [-- <session-id>]
 */
import { formatSession } from "../src/cli/format-session.js";
import { createHyperbrowserClient, isHyperbrowserError } from "../src/index.js";
import { startPrism, type PrismServer } from "./lib/prism.js";

const sessionId = process.argv[2] ?? "497f6eca-6276-4993-bfeb-53cbbbba6f08";
const upstream = process.env["HYPERBROWSER_BASE_URL"];
let mock: PrismServer | undefined;

try {
  if (!upstream) {
    mock = await startPrism();
    console.log(`Started the Prism mock of openapi.json on ${mock.url} in ${Math.round(mock.startupMs)} ms`);
  }
  const client = createHyperbrowserClient({
    baseUrl: mock?.url ?? upstream,
    // The mock only checks that a key is present; a real server gets the key from the environment.
    apiKey: process.env["HYPERBROWSER_API_KEY"] || (mock ? "mock-api-key" : undefined),
  });
  const session = await client.sessions.get(sessionId);
  console.log(`\nGET /api/session/${sessionId}\n`);
  console.log(formatSession(session));
} catch (error) {
  console.error(isHyperbrowserError(error) ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await mock?.close();
}
