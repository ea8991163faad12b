import type { SpecChange } from "./schema-changes.js";
import { flattenSchema } from "./schema-changes.js";
import { listOperations } from "./spec-operations.js";

/**
 * Parameter changes of the operations both versions have (openapi-diff does not compare parameters):
 * a new required parameter, or one that became required or changed type, breaks existing calls; a new
 * optional parameter or a removed one does not.
 */
export function parameterChanges(
  oldDocument: Record<string, unknown>,
  newDocument: Record<string, unknown>,
): SpecChange[] {
  const oldOperations = new Map(listOperations(oldDocument).map((operation) => [operation.key, operation]));
  const changes: SpecChange[] = [];
  for (const after of listOperations(newDocument)) {
    const before = oldOperations.get(after.key);
    if (!before) continue;
    const oldParameters = new Map(
      before.parameters.map((parameter) => [
        `${String(parameter["in"])} parameter \`${String(parameter["name"])}\``,
        parameter,
      ]),
    );
    const newParameters = new Map(
      after.parameters.map((parameter) => [
        `${String(parameter["in"])} parameter \`${String(parameter["name"])}\``,
        parameter,
      ]),
    );
    const add = (classification: SpecChange["classification"], description: string) =>
      changes.push({ classification, where: after.key, description });
    for (const [label, parameter] of newParameters) {
      const previous = oldParameters.get(label);
      if (!previous) {
        add(
          parameter["required"] === true ? "breaking" : "non-breaking",
          `${label} added (${parameter["required"] === true ? "required" : "optional"})`,
        );
        continue;
      }
      if (previous["required"] !== true && parameter["required"] === true) add("breaking", `${label} is now required`);
      if (previous["required"] === true && parameter["required"] !== true)
        add("non-breaking", `${label} is now optional`);
      const oldType = flattenSchema(oldDocument, previous["schema"])["type"];
      const newType = flattenSchema(newDocument, parameter["schema"])["type"];
      if (oldType !== newType) add("breaking", `${label} type changed from ${String(oldType)} to ${String(newType)}`);
    }
    for (const label of oldParameters.keys()) {
      if (!newParameters.has(label)) add("non-breaking", `${label} removed`);
    }
  }
  return changes;
}
