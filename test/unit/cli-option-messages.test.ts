import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run.js";

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await runCli(args, { stdout: () => undefined, stderr: (text) => void (stderr += text), env: {} });
  return { code, stderr };
}

describe("CLI option messages: the flag is named, the value never echoed", () => {
  it.each([
    [
      ["get", "s", "--api-key", "k", "--base-url", "sk_live_SECRET"],
      /^hyperbrowser-session: --base-url must be an absolute http\(s\) URL \(see --help\)\n$/,
    ],
    [
      ["get", "s", "--api-key", "k", "--base-url", "skliveSECRET://x"],
      /^hyperbrowser-session: --base-url must be an http or https URL/,
    ],
    [
      ["get", "s", "--api-key", "k", "--timeout", "sk_live_SECRET"],
      /^hyperbrowser-session: --timeout must be an integer from 1 to 2147483647 \(see --help\)\n$/,
    ],
    [
      ["get", "s", "--api-key", "k", "--retries", "sk_live_SECRET"],
      /^hyperbrowser-session: --retries must be an integer from 0 to 10 \(see --help\)\n$/,
    ],
  ])("%j → exit 2", async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain("SECRET");
    expect(result.stderr).not.toContain("createHyperbrowserClient");
  });
});
