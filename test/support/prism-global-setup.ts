import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/lib/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

const SPEC = fileURLToPath(new URL("../../openapi.json", import.meta.url));

/** Vitest global setup of the contract project: one Prism for all contract tests, always stopped. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism(SPEC, { mode: "mock" });
  console.log(`[contract] Prism mock of openapi.json listening on ${prism.url} (started in ${Math.round(prism.startupMs)} ms)`);
  project.provide("prismUrl", prism.url);
  return () => prism.close();
}
