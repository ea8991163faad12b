import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_DEADLINE_MS, DEFAULT_MAX_SOCKETS, DEFAULT_TIMEOUT_MS } from "../../src/client-options.js";
import { RetryBudget } from "../../src/retry/retry-budget.js";
import { DEFAULT_RETRY_POLICY } from "../../src/retry/retry-policy.js";

// The `@default` tags are what editors show a consumer: each must say what the code does.
const source = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** The `@default` text of the first JSDoc in `text` that documents `property`. */
function documentedDefault(text: string, property: string): string {
  const match = new RegExp(`@default ([^\\n]*)\\n\\s*\\*/\\s*\\n\\s*${property}\\?:`).exec(text);
  if (!match?.[1]) throw new Error(`no @default found for ${property}`);
  return match[1].trim();
}

describe("documented defaults match the code", () => {
  it("retryBudget: the @default object is a fresh RetryBudget's settings", () => {
    const documented = documentedDefault(source("src/client-options.ts"), "retryBudget");
    const asJson = documented.replace(/(\w+):/g, '"$1":');
    const budget = new RetryBudget();
    expect(JSON.parse(asJson)).toEqual({
      maxTokens: budget.maxTokens,
      tokenRatio: budget.tokenRatio,
      refillPerSecond: budget.refillPerSecond,
      minRetriesPerSecond: budget.minRetriesPerSecond,
    });
  });

  it("time limits, retries and sockets", () => {
    const callOptions = source("src/http/call-options.ts");
    expect(Number(documentedDefault(callOptions, "timeoutMs"))).toBe(DEFAULT_TIMEOUT_MS);
    expect(Number(documentedDefault(callOptions, "deadlineMs"))).toBe(DEFAULT_DEADLINE_MS);
    expect(Number(documentedDefault(callOptions, "maxRetries"))).toBe(DEFAULT_RETRY_POLICY.maxRetries);
    expect(Number(documentedDefault(source("src/client-options.ts"), "maxSockets"))).toBe(DEFAULT_MAX_SOCKETS);
    const retryOptions = source("src/retry/retry-policy.ts");
    for (const key of ["initialDelayMs", "maxDelayMs", "maxRetryAfterMs", "jitter"] as const) {
      expect(Number(documentedDefault(retryOptions, key)), key).toBe(DEFAULT_RETRY_POLICY[key]);
    }
  });
});
