import { SpecInputError } from "./spec-input-error.js";

const toPointer = (path: readonly string[]): string =>
  `#/${path.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;

/**
 * Every `$ref` must point inside the document (`#/…`): a file path, `file://` or `http://` reference
 * would make swagger-parser, openapi-typescript or Ajv read or fetch it, so the remote document would
 * decide what this machine reads. Throws, listing each other reference with its JSON pointer; reads nothing.
 */
export function assertLocalRefs(document: unknown, sourceName: string): void {
  const found: string[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, [...path, String(index)]));
    else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && !value.startsWith("#/"))
          found.push(`${JSON.stringify(value)} at ${toPointer([...path, key])}`);
        else walk(value, [...path, key]);
      }
    }
  };
  walk(document, []);
  if (found.length > 0) {
    throw new SpecInputError(
      `${sourceName}: only local references (#/…) are accepted; refused (nothing read or ` +
        `fetched):\n${found.map((line) => `  - ${line}`).join("\n")}`,
    );
  }
}
