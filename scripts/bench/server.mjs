// Benchmark server (plain JS so it starts without a TypeScript loader): keep-alive node:http (or, with
// `--tls`, node:https with the test certificate of test/fixtures/tls) on 127.0.0.1 and a free port, a fixed
// ~1 KB SessionDetail for every id, 404 for "missing". Prints its URL on the first line of stdout; runs until killed.
import { readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";

const session = {
  id: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
  teamId: "a4ede8ba-7c0a-4485-8763-cbd9b282fbec",
  status: "active",
  startTime: "1732579200000",
  endTime: null,
  createdAt: "2026-11-25T12:00:00.000Z",
  updatedAt: "2026-11-25T12:00:05.000Z",
  launchState: {
    useUltraStealth: false,
    useStealth: true,
    useProxy: false,
    solveCaptchas: true,
    solverType: "visual",
    adblock: true,
    trackers: true,
    annoyances: false,
    screen: { width: 1920, height: 1080 },
    enableWebRecording: true,
    enableVideoWebRecording: false,
    enableLogCapture: false,
    acceptCookies: true,
    profile: { id: "profile-1", persistChanges: true, persistNetworkCache: false },
    saveDownloads: false,
  },
  creditsUsed: 1.25,
  sessionUrl: "https://app.hyperbrowser.ai/sessions/497f6eca-6276-4993-bfeb-53cbbbba6f08",
  liveUrl: "https://live.hyperbrowser.ai/sessions/497f6eca-6276-4993-bfeb-53cbbbba6f08?token=live-view-token",
  token: "session-token-0123456789abcdef",
  wsEndpoint: "wss://connect.hyperbrowser.ai/sessions/497f6eca-6276-4993-bfeb-53cbbbba6f08",
  webdriverEndpoint: "https://webdriver.hyperbrowser.ai/sessions/497f6eca-6276-4993-bfeb-53cbbbba6f08",
  computerActionEndpoint: "https://computer.hyperbrowser.ai/sessions/497f6eca-6276-4993-bfeb-53cbbbba6f08",
};
const body = Buffer.from(JSON.stringify(session));
const notFound = Buffer.from(JSON.stringify({ message: "Session not found" }));

const tls = process.argv.includes("--tls");
const fixture = (name) => readFileSync(new URL(`../../test/fixtures/tls/${name}`, import.meta.url));
const handler = (request, response) => {
  const missing = request.url?.endsWith("/missing");
  const payload = missing ? notFound : body;
  response.writeHead(missing ? 404 : 200, { "content-type": "application/json", "content-length": payload.byteLength });
  response.end(payload);
};
const server = tls
  ? createHttpsServer({ cert: fixture("localhost-cert.pem"), key: fixture("localhost-key.pem") }, handler)
  : createHttpServer(handler);
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () =>
  console.log(`${tls ? "https" : "http"}://127.0.0.1:${server.address().port} ${body.byteLength}`),
);
