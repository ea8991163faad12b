import type { ResponseValidator } from "../../generated/response-validators.js";

/** What the client does when a 2xx body breaks the spec's schema. */
export type ValidateResponsesMode = "off" | "warn" | "throw";

/** One place where a response body breaks the spec. */
export interface ResponseViolation {
  /** JSON pointer into the body (`/launchState/screen/width`), `""` for the body itself. */
  path: string;
  message: string;
}

// Most violations kept from one body.
const MAX_REPORTED_VIOLATIONS = 10;

let validators: Promise<Readonly<Record<string, Readonly<Record<string, ResponseValidator>>>>> | undefined;

/**
 * The generated validator of an operation's response status, or undefined when the spec declares no
 * JSON body for it. Loaded on first use, so clients with validation off never load the validators.
 */
export async function responseValidator(operationKey: string, status: number): Promise<ResponseValidator | undefined> {
  // Eager: webpack keeps the module in the same chunk (still evaluated on first use), so a webworker bundle
  // needs no output.publicPath to fetch a chunk; esbuild passes the comment through to dist/.
  validators ??= import(/* webpackMode: "eager" */ "../../generated/response-validators.js").then(
    (module) => module.responseValidators,
  );
  return (await validators)[operationKey]?.[String(status)];
}

/** Validates a body; returns its violations (at most {@link MAX_REPORTED_VIOLATIONS}), empty when it is valid. */
export function findViolations(
  validate: ResponseValidator,
  body: unknown,
): { violations: ResponseViolation[]; total: number } {
  if (validate(body)) return { violations: [], total: 0 };
  const errors = validate.errors ?? [];
  return {
    violations: errors
      .slice(0, MAX_REPORTED_VIOLATIONS)
      .map((error) => ({ path: error.instancePath, message: error.message ?? error.keyword })),
    total: errors.length,
  };
}

/** `/status must be equal to one of the allowed values; /startTime must be string; … and 3 more`. */
export function describeViolations(violations: readonly ResponseViolation[], total: number): string {
  const listed = violations.map((violation) => `${violation.path || "(body)"} ${violation.message}`).join("; ");
  return total > violations.length ? `${listed}; … and ${total - violations.length} more` : listed;
}
