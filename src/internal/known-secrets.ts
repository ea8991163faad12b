// Secrets this process knows by value: the API keys and proxy credentials clients were given, and the
// session tokens seen in answers. Every output redacts them wherever they appear, whatever a server echoes.
// Shorter values are not searched for: they would match ordinary words (and cannot be told apart from them).
const MIN_SECRET_LENGTH = 4;
// Bounded, oldest first out: a long-running process sees many tokens; keys and credentials are few.
const MAX_CONFIGURED = 256;
const MAX_TOKENS = 1_024;

const configured = new Set<string>();
const tokens = new Set<string>();
let sorted: readonly string[] | undefined;

/** Remembers a configured secret (an API key, a proxy user or password), in every spelling an output may use. */
export function rememberSecret(value: string | undefined): void {
  remember(configured, value, MAX_CONFIGURED);
}

/** Remembers a session token seen in an answer, so an echo of it elsewhere is redacted too. */
export function rememberToken(value: unknown): void {
  remember(tokens, value, MAX_TOKENS);
}

/** Every remembered spelling, longest first (a secret that holds another is replaced whole). */
export function knownSecrets(): readonly string[] {
  sorted ??= [...configured, ...tokens].sort((a, b) => b.length - a.length);
  return sorted;
}

// The last value's spellings: a service polling one session sees the same token on every call.
let lastValue: string | undefined;
let lastSpellings: string[] = [];

function remember(into: Set<string>, value: unknown, limit: number): void {
  if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH) return;
  if (value !== lastValue) {
    lastSpellings = spellingsOf(value);
    lastValue = value;
  }
  for (const spelling of lastSpellings) {
    if (into.has(spelling)) continue;
    into.add(spelling);
    sorted = undefined;
    if (into.size > limit) into.delete(into.values().next().value as string);
  }
}

/** The value as text, as a URL component, and inside a JSON string. */
function spellingsOf(value: string): string[] {
  const spellings = new Set([value, JSON.stringify(value).slice(1, -1)]);
  try {
    spellings.add(encodeURIComponent(value));
  } catch {
    // A lone surrogate has no URL spelling.
  }
  return [...spellings];
}
