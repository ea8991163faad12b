import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd: root });

// The rules that would have caught this package's unhandled rejections; they must stay errors everywhere.
const PROMISE_RULES = [
  "@typescript-eslint/no-floating-promises",
  "@typescript-eslint/no-misused-promises",
  "@typescript-eslint/only-throw-error",
  "@typescript-eslint/prefer-promise-reject-errors",
];

function severity(entry: unknown): unknown {
  return Array.isArray(entry) ? entry[0] : entry;
}

// Loading typescript-eslint and building a type-checked program takes seconds, more on a busy machine.
describe("eslint.config.mjs", { timeout: 120_000 }, () => {
  it.each([
    "src/index.ts",
    "scripts/build.ts",
    "test/unit/lint-config.test.ts",
    "scripts/bench/server.mjs",
    "test/ecosystem/consumer/main.cjs",
  ])("keeps the promise rules at error for %s", async (file) => {
    const config = (await eslint.calculateConfigForFile(file)) as { rules: Record<string, unknown> };
    for (const rule of PROMISE_RULES) expect([rule, severity(config.rules[rule])]).toEqual([rule, 2]);
  });

  it("leaves generated/ and dist/ alone", async () => {
    expect(await eslint.isPathIgnored("generated/schema.d.ts")).toBe(true);
    expect(await eslint.isPathIgnored("dist/index.js")).toBe(true);
    expect(await eslint.isPathIgnored("src/index.ts")).toBe(false);
  });

  it("reports each promise mistake in the probe, with type information", async () => {
    // The probe is in the config's ignores (it is wrong on purpose) and has a one-file tsconfig, so the
    // type-aware rules run without building the whole repository's program.
    const probe = new ESLint({
      cwd: root,
      ignore: false,
      overrideConfig: { languageOptions: { parserOptions: { project: ["./test/fixtures/lint/tsconfig.json"] } } },
    });
    const [result] = await probe.lintFiles(["test/fixtures/lint/promise-mistakes.ts"]);
    const fired = (result?.messages ?? []).map((message) => `${message.line} ${message.ruleId ?? message.message}`);
    expect(fired.sort()).toEqual(
      [
        "8 @typescript-eslint/no-floating-promises",
        "12 @typescript-eslint/no-misused-promises",
        "18 @typescript-eslint/only-throw-error",
        "22 @typescript-eslint/prefer-promise-reject-errors",
      ].sort(),
    );
  });
});
