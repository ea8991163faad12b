import { fileURLToPath } from "node:url";

/** The repository root, whatever the working directory of the script. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SPEC_PATH = fileURLToPath(new URL("../../openapi.json", import.meta.url));
