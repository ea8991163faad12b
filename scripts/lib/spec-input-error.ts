/**
 * The input spec itself is unacceptable (not parseable, not valid OpenAPI 3.0, a non-local `$ref`, too
 * large, not UTF-8): the scripts exit 2 for it, as for a usage error, and write nothing.
 */
export class SpecInputError extends Error {
  override name = "SpecInputError" as const;
}
