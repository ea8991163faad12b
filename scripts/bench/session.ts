// The session body the benchmarks answer with (the same as scripts/bench/server.mjs sends), ~1.2 KB.
export const BENCH_SESSION = {
  id: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
  teamId: "a4ede8ba-7c0a-4485-8763-cbd9b282fbec",
  status: "active",
  startTime: "1732579200000",
  endTime: null,
  createdAt: "2026-11-25T12:00:00.000Z",
  updatedAt: "2026-11-25T12:00:05.000Z",
  launchState: {
    useUltraStealth: false, useStealth: true, useProxy: false, solveCaptchas: true, solverType: "visual", adblock: true,
    trackers: true, annoyances: false, screen: { width: 1920, height: 1080 }, enableWebRecording: true,
    enableVideoWebRecording: false, enableLogCapture: false, acceptCookies: true,
    profile: { id: "profile-1", persistChanges: true, persistNetworkCache: false }, saveDownloads: false,
  },
  creditsUsed: 1.25,
  sessionUrl: "https://app.hyperbrowser.ai/sessions/497f6eca-6276-4993-bfeb-53cbbbba6f08",
  liveUrl: "https://live.hyperbrowser.ai/sessions/497f6eca-6276-4993-bfeb-53cbbbba6f08?token=live-view-token",
  token: "session-token-0123456789abcdef",
  wsEndpoint: "wss://connect.hyperbrowser.ai/sessions/497f6eca-6276-4993-bfeb-53cbbbba6f08",
  webdriverEndpoint: "https://webdriver.hyperbrowser.ai/sessions/497f6eca-6276-4993-bfeb-53cbbbba6f08",
  computerActionEndpoint: "https://computer.hyperbrowser.ai/sessions/497f6eca-6276-4993-bfeb-53cbbbba6f08",
};
