import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../scripts/lib/run-command.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("budgets", () => {
  it(
    "the public entry's size (gzip) stays within its regression budgets; the cold import time is reported (npm " +
      "run size)",
    async () => {
      const result = await runCommand(
        process.execPath,
        ["--import", "./scripts/register-ts-node.mjs", "scripts/size.ts"],
        { cwd: ROOT, timeoutMs: 120_000 },
      );
      console.log(result.stdout.trim());
      expect(result.stdout).not.toContain("OVER");
      expect(result.stdout).toMatch(/^ {2}ok: with openapi-fetch bundled, gzip: /m);
      expect(result.stdout).toMatch(/^ {2}ok: this package's code alone, gzip: /m);
      expect(result.stdout).toMatch(
        /^ {2}report \(not gated\): cold import, best CPU time of 7 fresh processes: \d+\.\d ms/m,
      );
      expect(result.code, result.stderr).toBe(0);
    },
    120_000,
  );
});
