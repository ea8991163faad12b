import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../scripts/lib/run-command.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CALLS = 1_000;
// A leaked per-attempt timer would hold the process for the 30 s default timeout.
const EXIT_BUDGET_MS = 5_000;

describe("concurrency", () => {
  it(`${CALLS} concurrent calls all resolve, with no unhandled rejection, and the process exits promptly`, async () => {
    const { code, stdout, stderr } = await runCommand(
      process.execPath,
      ["--import", "./scripts/register-ts-node.mjs", "test/support/concurrency-child.ts", String(CALLS)],
      { cwd: ROOT, timeoutMs: 60_000 },
    );
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
    expect(result).toMatchObject({ calls: CALLS, fulfilled: CALLS, unhandled: 0 });
    expect(result["exitDelayMs"]).toBeLessThan(EXIT_BUDGET_MS);
    console.log(
      `[concurrency] ${CALLS} calls in ${result["elapsedMs"]} ms; process exited ${result["exitDelayMs"]} ms ` +
        `after closing`,
    );
  }, 90_000);
});
