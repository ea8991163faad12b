import { defineConfig } from "vitest/config";

// .ci/run asks for a JSON report (for its "N passed, N failed" line) through the environment, so that
// `npm test` itself takes no arguments.
const jsonReport = process.env["VITEST_JSON_REPORT"];

export default defineConfig({
  test: {
    reporters: jsonReport ? ["default", ["json", { outputFile: jsonReport }]] : ["default"],
    // Vitest's default on a 2-core machine is one worker; most files here wait on child processes and
    // sockets, so two run side by side (measured: 243 s → 179 s for the whole suite).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "package",
          include: ["test/package/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "contract",
          include: ["test/contract/**/*.test.ts"],
          globalSetup: ["test/support/prism-global-setup.ts"],
          testTimeout: 20_000,
          hookTimeout: 40_000,
        },
      },
      {
        test: {
          name: "types",
          include: [],
          typecheck: { enabled: true, only: true, include: ["test/types/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
        },
      },
    ],
  },
});
