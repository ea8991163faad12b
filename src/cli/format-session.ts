import type { SessionDetail } from "../types.js";
import { printable } from "./printable.js";

// Shows the start and end of a secret so it can be recognised but not used.
function maskSecret(secret: string): string {
  return secret.length <= 8 ? "*".repeat(secret.length) : `${secret.slice(0, 4)}…${secret.slice(-2)}`;
}

type Show = (value: unknown) => string | undefined;

const text: Show = (value) => (value === undefined ? undefined : value === null ? "—" : String(value));
const secret: Show = (value) => (typeof value === "string" ? maskSecret(value) : text(value));

// Rows by field name, read from the body as data: a field a later spec drops is simply not shown, and the
// CLI keeps compiling when openapi.json is regenerated.
const ROWS: [label: string, field: string, show: Show][] = [
  ["Session", "id", text],
  ["Status", "status", text],
  ["Team", "teamId", text],
  ["Started", "startTime", formatMillis],
  ["Ended", "endTime", formatMillis],
  ["Created", "createdAt", text],
  ["Updated", "updatedAt", text],
  ["Credits used", "creditsUsed", text],
  ["Live URL", "liveUrl", text],
  ["Session URL", "sessionUrl", text],
  ["WebSocket", "wsEndpoint", text],
  ["WebDriver", "webdriverEndpoint", text],
  ["Computer actions", "computerActionEndpoint", text],
  ["Token", "token", secret],
  ["Screen", "launchState", formatScreen],
  ["Launch options", "launchState", formatLaunchOptions],
];

/** A readable, multi-line summary of a session; the session token is masked, server text made printable. */
export function formatSession(session: SessionDetail): string {
  const fields = session as Record<string, unknown>;
  const token = typeof fields["token"] === "string" && fields["token"].length > 0 ? fields["token"] : undefined;
  // URLs may carry the token too (a live view link): mask it wherever it appears.
  const masked = (value: string) => (token ? value.split(token).join(maskSecret(token)) : value);
  const shown = ROWS.map(([label, field, show]) => [label, show(fields[field])] as const).filter(
    (row): row is readonly [string, string] => row[1] !== undefined,
  );
  const width = Math.max(...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${label.padEnd(width)}  ${printable(masked(value))}`).join("\n");
}

/** A millisecond timestamp (the spec's string) as a UTC date, with the raw value; `—` when absent. */
function formatMillis(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "—";
  const date = new Date(Number(value));
  return /^\d+$/.test(String(value)) && !Number.isNaN(date.getTime())
    ? `${date
        .toISOString()
        .replace("T", " ")
        .replace(/\.\d+Z$/, " UTC")} (${String(value)})`
    : String(value);
}

function formatScreen(launch: unknown): string | undefined {
  const screen = (launch as { screen?: { width?: unknown; height?: unknown } } | null | undefined)?.screen;
  return screen ? `${String(screen.width ?? "?")}×${String(screen.height ?? "?")}` : undefined;
}

function formatLaunchOptions(launch: unknown): string | undefined {
  if (launch === undefined) return undefined;
  if (launch === null || typeof launch !== "object") return "none";
  const enabled = Object.entries(launch)
    .filter(([, value]) => value === true)
    .map(([name]) => name);
  return enabled.join(", ") || "none enabled";
}
