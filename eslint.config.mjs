// ESLint 9 flat config: typescript-eslint's type-checked rules over src/, scripts/ and test/ (TypeScript and
// plain .mjs/.cjs alike, through tsconfig.eslint.json); Prettier owns formatting (.prettierrc.json), so
// eslint-config-prettier comes last and switches off every stylistic rule that could disagree with it.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // generated/ is written only by scripts (openapi-typescript) and checked by `npm run generate:check`.
  // test/fixtures/lint/ holds mistakes on purpose: test/unit/lint-config.test.ts checks that they are reported.
  { ignores: ["dist/", "coverage/", "generated/", "node_modules/", "test/fixtures/lint/"] },
  js.configs.recommended,
  // recommendedTypeChecked rather than strictTypeChecked: it already holds the promise and throw rules that
  // matter here, while strict's extras are mostly taste (measured on this repo: +243 restrict-template-expressions
  // for numbers in templates, +107 no-confusing-void-expression, +19 no-non-null-assertion), churn in every file.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { project: ["./tsconfig.eslint.json"], tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Named here although the preset has them: these are the rules this package must never lose.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/only-throw-error": "error",
      // Rejecting with AbortSignal.reason (typed any) is the platform's convention (fetch, timers/promises);
      // only-throw-error allows `any` by default too.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingAny: true }],
      // A leading underscore marks a parameter or binding kept for its position or to leave it out of a rest.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Off: `async` here implements Promise-returning interfaces (Clock.sleep, Response.text) and turns a
      // synchronous throw into a rejection; removing it would change behaviour.
      "@typescript-eslint/require-await": "off",
      // Off: the package strips control characters from untrusted text on purpose; these regexes are the point.
      "no-control-regex": "off",
      // Off: JSON read as `unknown` is typed `{}` once null is ruled out, and String() of it is then reported
      // although it holds strings and numbers (18 of its 19 reports here were that).
      "@typescript-eslint/no-base-to-string": "off",
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      // Off in tests: Vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design.
      "@typescript-eslint/no-unsafe-assignment": "off",
      // Off in tests: methods are saved to restore a stub and handed to expectTypeOf, never called on a lost `this`.
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["**/*.mjs", "**/*.cjs"],
    rules: {
      // Off for plain JavaScript: without type annotations every value is `any`, so these only report that.
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    // Off: these files exist to check that the package loads through require().
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/ecosystem/consumer/service-worker.mjs"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // They import the package by name, which resolves only once it is packed and installed
    // (test/package/consumer.test.ts): without types the type-checked rules cannot run.
    files: ["test/consumer-service/**", "test/fixtures/release-consumer/**", "test/ecosystem/consumer/types.ts"],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
  // After eslint-config-prettier, which switches max-len off: Prettier wraps code at 120 columns, and this
  // catches what it cannot wrap (strings, templates, comments, test names). Fixtures are inputs kept as they are.
  {
    ignores: ["test/fixtures/**"],
    rules: { "max-len": ["error", { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }] },
  },
);
