import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CALLS = 1_000;
// A leaked per-attempt timer would hold the process for the 30 s default timeout.
const EXIT_BUDGET_MS = 5_000;

describe("concurrency", () => {
  it(`${CALLS} concurrent calls all resolve, with no unhandled rejection, and the process exits promptly`, async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "./scripts/register-ts-node.mjs", "test/support/concurrency-child.ts", String(CALLS)],
      { cwd: ROOT, timeout: 60_000 },
    );
    const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
    expect(result).toMatchObject({ calls: CALLS, fulfilled: CALLS, unhandled: 0 });
    expect(result["exitDelayMs"]).toBeLessThan(EXIT_BUDGET_MS);
    console.log(`[concurrency] ${CALLS} calls in ${result["elapsedMs"]} ms; process exited ${result["exitDelayMs"]} ms after closing`);
  }, 90_000);
});
