/**
 * GENERATED FILE: DO NOT EDIT.
 * Written by `npm run generate` (scripts/generate.ts) from openapi.json.
 */

/** The spec's first server (`servers[0].url`): the default base URL. */
export const DEFAULT_BASE_URL = "https://api.hyperbrowser.ai";

/** The vendored spec this client was generated from. */
export const GENERATED_SPEC_INFO = {
  title: "Hyperbrowser API",
  version: "1.0.0",
  sha256: "b00937296af9b4b5fe36bb053cd0c14e024203b4fe02ac331cf93c87a142e1aa"
} as const;

/**
 * The properties each component schema declares (`allOf` merged), each with the component its value
 * refers to, or null: what the testing kit's fixtures may hold.
 */
export const SCHEMA_PROPERTIES: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  "SessionDetail": {
    "id": null,
    "teamId": null,
    "status": null,
    "startTime": null,
    "endTime": null,
    "createdAt": null,
    "updatedAt": null,
    "launchState": "SessionLaunchState",
    "creditsUsed": null,
    "sessionUrl": null,
    "liveUrl": null,
    "token": null,
    "wsEndpoint": null,
    "webdriverEndpoint": null,
    "computerActionEndpoint": null
  },
  "ErrorResponse": {
    "message": null
  },
  "Session": {
    "id": null,
    "teamId": null,
    "status": null,
    "startTime": null,
    "endTime": null,
    "createdAt": null,
    "updatedAt": null,
    "launchState": "SessionLaunchState",
    "creditsUsed": null
  },
  "SessionLaunchState": {
    "useUltraStealth": null,
    "useStealth": null,
    "useProxy": null,
    "solveCaptchas": null,
    "solverType": null,
    "adblock": null,
    "trackers": null,
    "annoyances": null,
    "screen": "ScreenConfig",
    "enableWebRecording": null,
    "enableVideoWebRecording": null,
    "enableLogCapture": null,
    "acceptCookies": null,
    "profile": "CreateSessionProfile",
    "staticIpId": null,
    "saveDownloads": null,
    "enableWindowManager": null,
    "enableWindowManagerTaskbar": null,
    "viewOnlyLiveView": null,
    "disablePasswordManager": null,
    "enableAlwaysOpenPdfExternally": null,
    "disablePostQuantumKeyAgreement": null
  },
  "ScreenConfig": {
    "width": null,
    "height": null
  },
  "CreateSessionProfile": {
    "id": null,
    "persistChanges": null,
    "persistNetworkCache": null
  }
};
