import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../scripts/lib/run-command.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("budgets", () => {
  it("the public entry's size (gzip) and cold import time stay within their regression budgets (npm run size)", async () => {
    const result = await runCommand(process.execPath, ["--import", "./scripts/register-ts-node.mjs", "scripts/size.ts"], { cwd: ROOT, timeoutMs: 120_000 });
    console.log(result.stdout.trim());
    expect(result.stdout).not.toContain("OVER");
    expect(result.code, result.stderr).toBe(0);
  }, 120_000);
});
