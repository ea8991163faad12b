import openapiDiff from "openapi-diff";
import { deprecationChanges } from "./deprecation-changes.js";
import { parameterChanges } from "./parameter-changes.js";
import { responseSchemaChanges, type SpecChange } from "./schema-changes.js";
import { listOperations } from "./spec-operations.js";

/** Where a change came from: the library's verdict, or the checks added for what it lacks. */
export type ChangeSource = "openapi-diff" | "parameter check" | "schema detail" | "deprecation";

/** A classified change with its source. */
export interface ReportedChange extends SpecChange {
  source: ChangeSource;
  /** openapi-diff's code, for its findings. */
  code?: string;
}

/** What a new spec does to this client's users. */
export interface ChangeReport {
  changes: ReportedChange[];
  /**
   * True when any source finds a breaking change: openapi-diff, or the checks for what it does not
   * compare (parameters; enum values, which its json-schema-diff ignores).
   */
  breaking: boolean;
}

/** Compares two valid OpenAPI 3.0 documents. */
export async function diffSpecs(
  oldDocument: Record<string, unknown>,
  newDocument: Record<string, unknown>,
): Promise<ChangeReport> {
  const outcome = await openapiDiff.diffSpecs({
    sourceSpec: { content: JSON.stringify(oldDocument), location: "current openapi.json", format: "openapi3" },
    destinationSpec: { content: JSON.stringify(newDocument), location: "new spec", format: "openapi3" },
  });
  const paths = [...Object.keys(oldDocument["paths"] ?? {}), ...Object.keys(newDocument["paths"] ?? {})];
  const library: ReportedChange[] = [
    ...(outcome.breakingDifferencesFound ? outcome.breakingDifferences : []),
    ...outcome.nonBreakingDifferences,
    ...outcome.unclassifiedDifferences,
  ].map((difference) => {
    const location =
      difference.destinationSpecEntityDetails[0]?.location ?? difference.sourceSpecEntityDetails[0]?.location ?? "";
    return {
      classification: difference.type,
      source: "openapi-diff",
      code: difference.code,
      where: describeLocation(location, paths),
      description:
        DESCRIPTIONS[difference.code] ?? `${difference.action === "add" ? "added" : "removed"}: ${difference.entity}`,
    };
  });
  const parameters: ReportedChange[] = parameterChanges(oldDocument, newDocument).map((change) => ({
    ...change,
    source: "parameter check",
  }));
  const details: ReportedChange[] = bodyPairs(oldDocument, newDocument).flatMap(({ where, oldSchema, newSchema }) =>
    responseSchemaChanges(oldDocument, newDocument, oldSchema, newSchema, where).map((change) => ({
      ...change,
      source: "schema detail" as const,
    })),
  );
  const deprecations: ReportedChange[] = deprecationChanges(oldDocument, newDocument).map((change) => ({
    ...change,
    source: "deprecation",
  }));
  const changes = [...library, ...parameters, ...details, ...deprecations];
  return { changes, breaking: changes.some((change) => change.classification === "breaking") };
}

const DESCRIPTIONS: Record<string, string> = {
  "path.add": "path added",
  "path.remove": "path removed",
  "method.add": "operation added",
  "method.remove": "operation removed",
  "response.status-code.add": "response status added",
  "response.status-code.remove": "response status removed",
  "response.body.scope.add": "response body may now hold values it could not before",
  "response.body.scope.remove": "response body can no longer hold some values it could before",
  "request.body.scope.add": "request body accepts values it did not before",
  "request.body.scope.remove": "request body no longer accepts some values it did",
  "response.required.header.add": "required response header added",
  "response.required.header.remove": "required response header removed",
  "response.optional.header.add": "optional response header added",
  "response.optional.header.remove": "optional response header removed",
};

/** `paths./api/x.get.responses.200.content.application/json.schema` → `GET /api/x → 200 application/json`. */
function describeLocation(location: string, paths: readonly string[]): string {
  const path = [...paths]
    .sort((a, b) => b.length - a.length)
    .find((candidate) => location === `paths.${candidate}` || location.startsWith(`paths.${candidate}.`));
  if (!path) return location;
  const [method, ...rest] = location.slice(`paths.${path}.`.length).split(".");
  if (!method) return path;
  const where = `${method.toUpperCase()} ${path}`;
  if (rest[0] !== "responses" || rest[1] === undefined) return where;
  const mediaType = rest[2] === "content" ? rest.slice(3, -1).join(".") : "";
  return `${where} → ${rest[1]}${mediaType ? ` ${mediaType}` : ""}`;
}

/** Each (operation, status, media type) both versions declare, with the two body schemas. */
function bodyPairs(oldDocument: Record<string, unknown>, newDocument: Record<string, unknown>) {
  const newOperations = new Map(listOperations(newDocument).map((operation) => [operation.key, operation]));
  return listOperations(oldDocument).flatMap((before) => {
    const after = newOperations.get(before.key);
    if (!after) return [];
    return before.statuses.flatMap((status) => {
      const oldContent = contentOf(before.operation, status);
      const newContent = contentOf(after.operation, status);
      return Object.keys(oldContent)
        .filter((mediaType) => mediaType in newContent)
        .map((mediaType) => ({
          where: `${before.key} → ${status} ${mediaType}`,
          oldSchema: oldContent[mediaType]?.schema,
          newSchema: newContent[mediaType]?.schema,
        }));
    });
  });
}

function contentOf(operation: Record<string, unknown>, status: string): Record<string, { schema?: unknown }> {
  const responses = (operation["responses"] ?? {}) as Record<
    string,
    { content?: Record<string, { schema?: unknown }> }
  >;
  return responses[status]?.content ?? {};
}
