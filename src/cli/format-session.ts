import type { SessionDetail } from "../types.js";
import { printable } from "./printable.js";

/** Shows the start and end of a secret so it can be recognised but not used. */
export function maskSecret(secret: string): string {
  return secret.length <= 8 ? "*".repeat(secret.length) : `${secret.slice(0, 4)}…${secret.slice(-2)}`;
}

/** A readable, multi-line summary of a session; the session token is masked, server text made printable. */
export function formatSession(session: SessionDetail): string {
  const launch = session.launchState;
  const enabled = launch
    ? Object.entries(launch)
        .filter(([, value]) => value === true)
        .map(([name]) => name)
    : [];
  const rows: [string, string | undefined][] = [
    ["Session", session.id],
    ["Status", session.status],
    ["Team", session.teamId],
    ["Started", session.startTime ?? "—"],
    ["Ended", session.endTime ?? "—"],
    ["Created", session.createdAt],
    ["Updated", session.updatedAt],
    ["Credits used", session.creditsUsed === null || session.creditsUsed === undefined ? "—" : String(session.creditsUsed)],
    ["Live URL", session.liveUrl],
    ["Session URL", session.sessionUrl],
    ["WebSocket", session.wsEndpoint],
    ["WebDriver", session.webdriverEndpoint],
    ["Computer actions", session.computerActionEndpoint],
    ["Token", session.token === undefined ? undefined : maskSecret(session.token)],
    ["Screen", launch?.screen ? `${launch.screen.width ?? "?"}×${launch.screen.height ?? "?"}` : undefined],
    ["Launch options", launch === undefined ? undefined : launch === null ? "none" : enabled.join(", ") || "none enabled"],
  ];
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const width = Math.max(...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${label.padEnd(width)}  ${printable(String(value))}`).join("\n");
}
