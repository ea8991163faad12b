/**
 * Live contract verification: runs Prism as a validating proxy (`--errors`) in front of a real server
 * and drives the client through it, reporting every response that breaks openapi.json.
 *
 * Usage: npm run contract:verify -- --upstream <url> [--id <session-id> ...]
 *   --upstream  the server to check (the real API, a staging server, a local fake)
 *   --id        a session id that exists upstream (repeatable); a random id is always probed for the 404
 * The API key comes from HYPERBROWSER_API_KEY. Exit codes: 0 conforms, 1 violations found, 2 usage error.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createHyperbrowserClient, isHyperbrowserApiError, isHyperbrowserError } from "../src/index.js";
import { startPrism } from "../src/cli/prism.js";
import { SPEC_PATH } from "./lib/paths.js";
import { prismViolations, type PrismViolation } from "./lib/prism-violations.js";

interface ProbeResult {
  label: string;
  status: number | string;
  violations: PrismViolation[];
  warnings: string[];
}

let options: { upstream?: string | undefined; id?: string[] | undefined };
try {
  options = parseArgs({ options: { upstream: { type: "string" }, id: { type: "string", multiple: true } } }).values;
  if (!options.upstream) throw new Error("--upstream <url> is required");
  new URL(options.upstream);
} catch (error) {
  console.error(`contract:verify: ${(error as Error).message}\nusage: npm run contract:verify -- --upstream <url> [--id <session-id> ...]`);
  process.exit(2);
}

const prism = await startPrism(SPEC_PATH, { mode: "proxy", upstream: options.upstream });
const results: ProbeResult[] = [];
try {
  // The client throws on non-2xx; the observed response keeps Prism's headers for the report.
  const observed: { response?: Response | undefined } = {};
  const client = createHyperbrowserClient({
    apiKey: process.env["HYPERBROWSER_API_KEY"] || "contract-verify",
    baseUrl: prism.url,
    maxRetries: 0,
    fetch: async (input, init) => (observed.response = await fetch(input, init)),
  });
  const probes = [...(options.id ?? []).map((id) => ({ id, label: `existing id ${id}` })), { id: `verify-missing-${randomUUID()}`, label: "unknown id (expects 404)" }];
  for (const probe of probes) {
    observed.response = undefined;
    const outcome = await client.sessions.get(probe.id).then(
      (session) => ({ body: session as unknown, error: undefined }),
      (error: unknown) => ({ body: isHyperbrowserApiError(error) ? error.body : undefined, error }),
    );
    const last = observed.response as Response | undefined;
    if (!last) {
      const reason = isHyperbrowserError(outcome.error) ? outcome.error.message : String(outcome.error);
      results.push({ label: probe.label, status: "no response", violations: [{ location: "transport", severity: "Error", message: reason }], warnings: [] });
      continue;
    }
    const warnings: string[] = [];
    if (last.status === 404 && typeof (outcome.body as { message?: unknown } | undefined)?.message !== "string") {
      warnings.push("404 body has no `message` (allowed by the spec, whose ErrorResponse requires nothing; errors fall back to the status line)");
    }
    results.push({ label: probe.label, status: last.status, violations: prismViolations(last.headers, outcome.body), warnings });
  }
} finally {
  await prism.close();
}

console.log(`Contract verification of ${options.upstream} against openapi.json (Prism proxy --errors)\n`);
for (const result of results) {
  console.log(`${result.violations.length ? "✗" : "✓"} GET /api/session/{id}, ${result.label}: ${result.status}`);
  for (const violation of result.violations) console.log(`    violation: ${violation.location}: ${violation.message}`);
  for (const warning of result.warnings) console.log(`    warning: ${warning}`);
}
const total = results.reduce((sum, result) => sum + result.violations.length, 0);
console.log(`\n${total === 0 ? "Conforms" : `${total} violation(s)`}: ${results.length} probe(s)`);
process.exitCode = total === 0 ? 0 : 1;
