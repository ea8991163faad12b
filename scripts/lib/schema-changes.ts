/** One change in a spec, as a client sees it. */
export interface SpecChange {
  classification: "breaking" | "non-breaking" | "unclassified";
  /** Where: an operation (`GET /api/session/{id}`) and what part of it. */
  where: string;
  description: string;
}

type Schema = Record<string, unknown>;
const MAX_DEPTH = 12;

/** Resolves `$ref`s and merges `allOf` into one object schema, so two versions compare field by field. */
export function flattenSchema(document: unknown, schema: unknown, seen: ReadonlySet<string> = new Set()): Schema {
  if (typeof schema !== "object" || schema === null) return {};
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === "string") {
    if (seen.has(ref)) return { type: "object", description: `(recursive ${ref})` };
    return flattenSchema(document, resolvePointer(document, ref), new Set([...seen, ref]));
  }
  const { allOf, ...own } = schema as Schema;
  if (!Array.isArray(allOf)) return own;
  const merged: Schema = { ...own };
  for (const part of allOf.map((item) => flattenSchema(document, item, seen))) {
    merged["properties"] = {
      ...(merged["properties"] as Schema | undefined),
      ...(part["properties"] as Schema | undefined),
    };
    merged["required"] = [
      ...((merged["required"] as string[] | undefined) ?? []),
      ...((part["required"] as string[] | undefined) ?? []),
    ];
    merged["type"] ??= part["type"];
    if (part["nullable"] === true) merged["nullable"] = true;
  }
  return merged;
}

/**
 * Field-level differences between two response schemas, classified for a client that reads them:
 * whatever it could rely on before and cannot now (a removed property, a changed type, a new enum
 * value, a property no longer required, a new null) is breaking; anything new it may ignore is not.
 */
export function responseSchemaChanges(
  oldDocument: unknown,
  newDocument: unknown,
  oldSchema: unknown,
  newSchema: unknown,
  where: string,
): SpecChange[] {
  const changes: SpecChange[] = [];
  compare(flattenSchema(oldDocument, oldSchema), flattenSchema(newDocument, newSchema), "", 0);
  return changes;

  function add(classification: SpecChange["classification"], path: string, description: string) {
    changes.push({ classification, where, description: path ? `\`${path}\`: ${description}` : description });
  }

  function compare(before: Schema, after: Schema, path: string, depth: number) {
    if (depth > MAX_DEPTH) return;
    const oldType = typeLabel(before);
    const newType = typeLabel(after);
    if (oldType !== newType) add("breaking", path, `type changed from ${oldType} to ${newType}`);
    if (before["nullable"] !== true && after["nullable"] === true) add("breaking", path, "may now be null");
    if (before["nullable"] === true && after["nullable"] !== true) add("non-breaking", path, "can no longer be null");
    if (before["format"] !== after["format"])
      add(
        "non-breaking",
        path,
        `format changed from ${String(before["format"] ?? "none")} to ${String(after["format"] ?? "none")}`,
      );
    compareEnums(before, after, path);
    if (before["items"] || after["items"]) {
      compare(
        flattenSchema(oldDocument, before["items"]),
        flattenSchema(newDocument, after["items"]),
        `${path}[]`,
        depth + 1,
      );
    }
    const oldProperties = (before["properties"] ?? {}) as Schema;
    const newProperties = (after["properties"] ?? {}) as Schema;
    const oldRequired = new Set((before["required"] as string[] | undefined) ?? []);
    const newRequired = new Set((after["required"] as string[] | undefined) ?? []);
    for (const name of Object.keys(oldProperties)) {
      const child = path ? `${path}.${name}` : name;
      if (!(name in newProperties)) {
        add("breaking", child, "property removed");
        continue;
      }
      if (oldRequired.has(name) && !newRequired.has(name)) add("breaking", child, "no longer required (may be absent)");
      if (!oldRequired.has(name) && newRequired.has(name)) add("non-breaking", child, "now required (always present)");
      compare(
        flattenSchema(oldDocument, oldProperties[name]),
        flattenSchema(newDocument, newProperties[name]),
        child,
        depth + 1,
      );
    }
    for (const name of Object.keys(newProperties)) {
      if (!(name in oldProperties)) {
        add(
          "non-breaking",
          path ? `${path}.${name}` : name,
          `property added (${typeLabel(flattenSchema(newDocument, newProperties[name]))}` +
            `${newRequired.has(name) ? ", required" : ", optional"})`,
        );
      }
    }
  }

  function compareEnums(before: Schema, after: Schema, path: string) {
    const oldValues = Array.isArray(before["enum"]) ? (before["enum"] as unknown[]) : undefined;
    const newValues = Array.isArray(after["enum"]) ? (after["enum"] as unknown[]) : undefined;
    if (!oldValues && !newValues) return;
    if (oldValues && !newValues) return add("breaking", path, "enum removed: any value may now come");
    if (!oldValues && newValues) return add("non-breaking", path, `now limited to ${newValues.map(String).join(", ")}`);
    const added = newValues?.filter((value) => !oldValues?.includes(value)) ?? [];
    const removed = oldValues?.filter((value) => !newValues?.includes(value)) ?? [];
    if (added.length)
      add(
        "breaking",
        path,
        `enum value(s) added: ${added.map((value) => JSON.stringify(value)).join(", ")} (an exhaustive switch no ` +
          `longer is)`,
      );
    if (removed.length)
      add("non-breaking", path, `enum value(s) removed: ${removed.map((value) => JSON.stringify(value)).join(", ")}`);
  }
}

function typeLabel(schema: Schema): string {
  return typeof schema["type"] === "string" ? schema["type"] : schema["properties"] ? "object" : "any";
}

/** Follows a local JSON pointer (`#/components/schemas/X`). */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
