import { responseValidators } from "../../generated/response-validators.js";

const OPERATION = "GET /api/session/{id}";

/**
 * Checks a fixture with the same generated validators the client ships (`validateResponses`), and
 * throws a `TypeError` naming each JSON pointer that breaks the spec.
 */
export function assertMatchesSpec(value: unknown, status: "200" | "404", what: string): void {
  const validate = responseValidators[OPERATION]?.[status];
  if (!validate) throw new Error(`no generated validator for ${OPERATION} ${status}`);
  if (validate(value)) return;
  const problems = (validate.errors ?? []).map(
    (error) => `${error.instancePath || "(the body)"} ${error.message ?? error.keyword}`,
  );
  throw new TypeError(`${what} breaks openapi.json (${OPERATION} ${status}): ${problems.join("; ")}`);
}
