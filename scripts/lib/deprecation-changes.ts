import type { SpecChange } from "./schema-changes.js";
import { listOperations } from "./spec-operations.js";

type Node = Record<string, unknown>;
const isDeprecated = (node: unknown) => (node as { deprecated?: unknown } | undefined)?.deprecated === true;

/**
 * What the new spec newly marks `deprecated: true`: operations, parameters (inline), and properties of
 * component schemas. A deprecation is not breaking (everything still works); it is reported so that
 * consumers learn of it, in the change report and in the CHANGELOG's "Deprecated" section.
 */
export function deprecationChanges(oldDocument: Node, newDocument: Node): SpecChange[] {
  const changes: SpecChange[] = [];
  const add = (where: string, description: string) =>
    changes.push({ classification: "non-breaking", where, description });
  const oldOperations = new Map(listOperations(oldDocument).map((operation) => [operation.key, operation.operation]));
  for (const { key, operation } of listOperations(newDocument)) {
    const before = oldOperations.get(key);
    if (isDeprecated(operation) && !isDeprecated(before)) add(key, "operation deprecated");
    const oldParameters = (before?.["parameters"] ?? []) as Node[];
    for (const parameter of (operation["parameters"] ?? []) as Node[]) {
      const previous = oldParameters.find((old) => old["name"] === parameter["name"] && old["in"] === parameter["in"]);
      if (isDeprecated(parameter) && !isDeprecated(previous))
        add(key, `${String(parameter["in"])} parameter \`${String(parameter["name"])}\` deprecated`);
    }
  }
  const schemasOf = (document: Node) =>
    (document["components"] as { schemas?: Record<string, Node> } | undefined)?.schemas ?? {};
  const oldSchemas = schemasOf(oldDocument);
  for (const [name, schema] of Object.entries(schemasOf(newDocument))) {
    const oldProperties = (oldSchemas[name]?.["properties"] ?? {}) as Record<string, unknown>;
    for (const [property, definition] of Object.entries((schema["properties"] ?? {}) as Record<string, unknown>)) {
      if (isDeprecated(definition) && !isDeprecated(oldProperties[property]))
        add(`components.schemas.${name}`, `\`${property}\`: property deprecated`);
    }
  }
  return changes;
}
