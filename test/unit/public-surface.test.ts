import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as index from "../../src/index.js";

// Every export is a semver promise: the list is kept on purpose, and a change to it shows up here.
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const VALUES = [
  "CLIENT_VERSION",
  "HyperbrowserAbortError",
  "HyperbrowserApiError",
  "HyperbrowserAuthenticationError",
  "HyperbrowserClientClosedError",
  "HyperbrowserConflictError",
  "HyperbrowserConnectionError",
  "HyperbrowserError",
  "HyperbrowserInvalidArgumentError",
  "HyperbrowserInvalidResponseError",
  "HyperbrowserNotFoundError",
  "HyperbrowserPermissionDeniedError",
  "HyperbrowserRateLimitError",
  "HyperbrowserRedirectError",
  "HyperbrowserServerError",
  "HyperbrowserTimeoutError",
  "HyperbrowserUnprocessableEntityError",
  "RetryBudget",
  "SPEC_INFO",
  "createApiKeyAuth",
  "createHyperbrowserClient",
  "isHyperbrowserAbortError",
  "isHyperbrowserApiError",
  "isHyperbrowserConnectionError",
  "isHyperbrowserError",
  "isHyperbrowserInvalidArgumentError",
  "isHyperbrowserInvalidResponseError",
  "isHyperbrowserNotFoundError",
  "isHyperbrowserTimeoutError",
];

const TYPES = [
  "ApiKeyAuthOptions",
  "CallOptions",
  "Clock",
  "CreateSessionProfile",
  "ErrorResponse",
  "GetSessionOptions",
  "HyperbrowserApiErrorDetails",
  "HyperbrowserCallEventBase",
  "HyperbrowserClient",
  "HyperbrowserClientOptions",
  "HyperbrowserConnectionErrorDetails",
  "HyperbrowserErrorDetails",
  "HyperbrowserGiveUpEvent",
  "HyperbrowserHooks",
  "HyperbrowserLogger",
  "HyperbrowserRequestEvent",
  "HyperbrowserResponseErrorDetails",
  "HyperbrowserResponseEvent",
  "HyperbrowserRetryEvent",
  "MeterProviderLike",
  "RetryBudgetOptions",
  "RetryOptions",
  "ScreenConfig",
  "Session",
  "SessionDetail",
  "SessionLaunchState",
  "SessionsResource",
  "SpecInfo",
  "TelemetryOptions",
  "TracerProviderLike",
  "ValidateResponsesMode",
  "components",
  "paths",
];

/** Every name src/index.ts exports, types included, as the compiler sees them. */
function exportedNames(): string[] {
  const entry = join(root, "src/index.ts");
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    skipLibCheck: true,
    noLib: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error("src/index.ts not found by the compiler");
  return checker.getExportsOfModule(symbol).map((exported) => exported.name);
}

describe("public surface of the package's main entry", () => {
  it(
    "exports at run time exactly the client, errors, guards, auth middleware, RetryBudget, SPEC_INFO and " +
      "CLIENT_VERSION",
    () => {
      expect(Object.keys(index).sort()).toEqual([...VALUES].sort());
    },
  );

  it("exports exactly these names, types included", () => {
    expect(exportedNames().sort()).toEqual([...VALUES, ...TYPES].sort());
  }, 30_000);
});
