import { seededRandom } from "../../src/testing/seeded-random.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const WORDS = [
  "session",
  "browser",
  "error",
  "live",
  "view",
  "state",
  "the",
  "id",
  "request",
  "failed",
  "retry",
  "stealth",
  "screen",
  "alpha",
  "ok",
];

/** The secrets of one case; each holds a digit and both cases, as real keys and tokens do. */
export interface CaseSecrets {
  apiKey: string;
  token: string;
  proxyUser: string;
  proxyPassword: string;
}

/** What the server answers in one case, with the secrets placed at random positions. */
export interface SecretCase {
  seed: number;
  secrets: CaseSecrets;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Where the secrets went, for the failure message. */
  placements: string[];
  viaProxy: boolean;
}

/** Builds case `seed`: a random answer (status, headers, body shape) carrying the secrets. */
export function buildSecretCase(seed: number): SecretCase {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const text = (alphabet: string, min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick([...alphabet])).join("");
  // A prefix makes each secret hold both cases and a digit, whatever the random part is.
  const secret = (prefix: string, extra = "_-") => `${prefix}${text(LETTERS + DIGITS + extra, 12, 36)}`;
  const secrets: CaseSecrets = {
    apiKey: secret("hbK7"),
    token: secret("Tk9"),
    proxyUser: secret("Us3r"),
    // Characters a URL's userinfo must percent-encode.
    proxyPassword: secret("Pw0", "@:!*_-"),
  };
  // Proxy credentials are secrets the client knows only when it uses the proxy.
  const viaProxy = chance(0.5);
  const filler = () => Array.from({ length: Math.floor(random() * 6) }, () => pick(WORDS)).join(" ");
  const placements: string[] = [];
  const fields: [string, unknown][] = [
    ["id", `s-${text(DIGITS, 4, 8)}`],
    ["status", pick(["active", "closed", "error"])],
  ];
  const { token, apiKey, proxyUser, proxyPassword } = secrets;
  const tokenTags: [string, () => [string, unknown]][] = [
    ["token field", () => ["token", token]],
    [
      "liveUrl query",
      () => ["liveUrl", `https://live.example/s/1?${filler().replace(/ /g, "") || "v"}=1&token=${token}&x=2`],
    ],
    ["wsEndpoint query", () => ["wsEndpoint", `wss://ws.example/devtools?token=${token}`]],
    ["fragment", () => [pick(["liveUrl", "link", "debuggerUrl"]), `https://live.example/view#token=${token}`]],
    ["nested field", () => ["launchState", { auth: { token }, note: filler() }]],
  ];
  const tagCount = 1 + Math.floor(random() * 3);
  for (let index = 0; index < tagCount; index += 1) {
    const [name, make] = pick(tokenTags);
    placements.push(name);
    fields.push(make());
  }
  const echoes: [string, string][] = [];
  if (chance(0.5)) echoes.push(["token echoed in the message", `${filler()} session token ${token} ${filler()}`]);
  if (chance(0.6)) echoes.push(["key echoed in the message", `Invalid API key ${apiKey} ${filler()}`]);
  if (viaProxy && chance(0.4))
    echoes.push(["proxy credentials echoed", `${filler()} proxy login ${proxyUser}:${proxyPassword}`]);
  const message = echoes.map(([, value]) => value).join("; ") || filler() || "failed";
  placements.push(...echoes.map(([name]) => name));
  // An untagged echo of the token can only be recognised by a tag in the same answer, so the message comes
  // after the tags (a truncated body keeps them); other messages go anywhere.
  const messageAt =
    echoes.length > 0 && echoes[0]?.[0].startsWith("token")
      ? fields.length
      : Math.floor(random() * (fields.length + 1));
  fields.splice(messageAt, 0, [pick(["message", "detail", "title"]), message]);
  if (chance(0.3)) {
    fields.push([
      pick(["debug", "echo", "request"]),
      { headers: { "x-api-key": apiKey }, url: `http://h/?token=${token}` },
    ]);
    placements.push("key and token in a nested debug field");
  }
  let body = JSON.stringify(Object.fromEntries(fields));
  const shape = pick(["json", "json", "json", "truncated", "garbage after", "html"]);
  if (shape === "truncated") body = body.slice(0, Math.floor(body.length * (0.3 + random() * 0.7)));
  if (shape === "garbage after") body = `${body} ${apiKey} trailing`;
  if (shape === "html")
    body = `<html><body>${filler()} ${message} <a href="/x?token=${token}">${filler()}</a></body></html>`;
  placements.push(`body: ${shape}`);
  if (chance(0.4)) body = `${" ".repeat(Math.floor(random() * 900))}${body}`;

  const status = pick([200, 200, 200, 302, 400, 401, 403, 404, 409, 422, 429, 500, 503]);
  const headers: Record<string, string> = {
    "content-type":
      shape === "html"
        ? "text/html"
        : pick(["application/json", "application/json", "text/plain", "application/problem+json"]),
  };
  if (status === 302 || chance(0.2)) {
    headers["location"] = `https://login.example/cb?token=${token}#token=${token}`;
    placements.push("location header");
  }
  if (chance(0.4)) {
    headers[pick(["x-echo-key", "x-debug", "www-authenticate"])] = `key=${apiKey}`;
    placements.push("key in a header");
  }
  if (chance(0.3)) {
    headers["x-debug-token"] = `token=${token}`;
    placements.push("token in a header");
  }
  if (viaProxy && chance(0.3)) {
    headers["x-proxy-echo"] = `${proxyUser} ${proxyPassword}`;
    placements.push("proxy credentials in a header");
  }
  return { seed, secrets, status, headers, body, placements, viaProxy };
}

/** The secrets of a case and the spellings an output could use; none may appear in any output. */
export function forbiddenTexts({ secrets, viaProxy }: SecretCase): string[] {
  const { proxyUser, proxyPassword, ...always } = secrets;
  const known = viaProxy ? [...Object.values(always), proxyUser, proxyPassword] : Object.values(always);
  return [...new Set(known.flatMap((value) => [value, encodeURIComponent(value)]))];
}
