import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/lib/prism.js";
import { contractSpecPath } from "./derived/contract-inputs.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

// CONTRACT_SPEC lets the lifecycle test run the contract suite on another spec (openapi.json by default).
const SPEC = contractSpecPath();

/** Vitest global setup of the contract project: one Prism for all contract tests, always stopped. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism(SPEC, { mode: "mock" });
  console.log(
    `[contract] Prism mock of ${SPEC} listening on ${prism.url} (started in ${Math.round(prism.startupMs)} ms)`,
  );
  project.provide("prismUrl", prism.url);
  return () => prism.close();
}
