// Common misspellings that edit distance alone would not map (a unit left off, a shorter word).
const ALIASES: Readonly<Record<string, string>> = {
  timeout: "timeoutMs",
  deadline: "deadlineMs",
  retries: "maxRetries",
  delay: "ms",
  time: "times",
  key: "apiKey",
  url: "baseUrl",
};

/**
 * The known name closest to `name` (case-insensitive edit distance, or a known alias such as `timeout`
 * for `timeoutMs`), or undefined when none is close enough to be a likely typo.
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const alias = ALIASES[name.toLowerCase()];
  if (alias !== undefined && known.includes(alias)) return alias;
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (best === undefined || distance < best.distance) best = { name: candidate, distance };
  }
  if (best === undefined) return undefined;
  // Beyond about a third of the word, a suggestion is more likely to mislead than help.
  return best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Number.POSITIVE_INFINITY;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
