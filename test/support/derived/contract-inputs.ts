import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSpecSource } from "../../../scripts/lib/spec-source.js";
import type { ContractOverride } from "./derive-contract-cases.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The spec the derived contract suite runs on: `CONTRACT_SPEC` (relative to the repo root) or openapi.json. */
export function contractSpecPath(): string {
  const chosen = process.env["CONTRACT_SPEC"] ?? "openapi.json";
  return isAbsolute(chosen) ? chosen : resolve(ROOT, chosen);
}

/** The override fixture: `CONTRACT_OVERRIDES` (relative to the repo root) or test/contract/overrides.json. */
export function contractOverridesPath(): string {
  const chosen = process.env["CONTRACT_OVERRIDES"] ?? "test/contract/overrides.json";
  return isAbsolute(chosen) ? chosen : resolve(ROOT, chosen);
}

/** Reads the spec and the override fixture the suite runs on. */
export function readContractInputs(): { spec: Record<string, unknown>; overrides: Record<string, ContractOverride> } {
  const specPath = contractSpecPath();
  const spec = parseSpecSource(readFileSync(specPath, "utf8"), specPath);
  const overrides = JSON.parse(readFileSync(contractOverridesPath(), "utf8")) as Record<string, ContractOverride> & {
    $comment?: unknown;
  };
  delete overrides.$comment;
  return { spec, overrides };
}
