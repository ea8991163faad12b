import { createHyperbrowserClient } from "@internal/hyperbrowser-session-client";
import { runChecks } from "./checks.mjs";

const baseUrl = globalThis.process?.argv?.[2] ?? globalThis.Deno?.args?.[0];
console.log(JSON.stringify(await runChecks(createHyperbrowserClient, baseUrl)));
