/**
 * Live contract verification: runs Prism as a validating proxy (`--errors`) in front of a real server
 * and drives the client through it, reporting every response that breaks openapi.json.
 *
 * Usage: npm run contract:verify -- --upstream <url> --id <session-id> [--id …]
 *   --upstream  the server to check (the real API, a staging server, a local fake)
 *   --id        a session id that exists upstream (repeatable, at least one: without it no 2xx body
 *               would be checked); a random id is always probed for the 404
 * The API key comes from HYPERBROWSER_API_KEY (required: without it every probe would be a 401). Bodies
 * are read by the client with its own limits, and a response the client rejects (too large, not the
 * spec's shape) is a violation. Exit codes: 0 conforms, 1 violations found, the upstream not reached,
 * an unexpected status, or no 2xx body checked; 2 usage error.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createHyperbrowserClient, isHyperbrowserApiError, isHyperbrowserError } from "../src/index.js";
import { startPrism } from "./lib/prism.js";
import { SPEC_PATH } from "./lib/paths.js";
import { prismViolations, type PrismViolation } from "./lib/prism-violations.js";

interface ProbeResult {
  label: string;
  status: number | string;
  violations: PrismViolation[];
  warnings: string[];
}

const USAGE = "usage: npm run contract:verify -- --upstream <url> --id <existing-session-id> [--id …]";

let options: { upstream?: string | undefined; id?: string[] | undefined };
try {
  options = parseArgs({ options: { upstream: { type: "string" }, id: { type: "string", multiple: true } } }).values;
  if (!options.upstream) throw new Error("--upstream <url> is required");
  new URL(options.upstream);
  if (!options.id?.length)
    throw new Error(
      "--id <existing-session-id> is required: without one no 2xx body is checked, and a run that checks no " +
        "success body proves nothing",
    );
  if (!process.env["HYPERBROWSER_API_KEY"])
    throw new Error(
      "HYPERBROWSER_API_KEY is not set: the API key of the upstream comes from that environment variable (never " +
        "from the command line)",
    );
} catch (error) {
  console.error(`contract:verify: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const prism = await startPrism(SPEC_PATH, { mode: "proxy", upstream: options.upstream });
const results: ProbeResult[] = [];
let checkedBodies = 0;
try {
  // The client throws on non-2xx; the observed response keeps Prism's headers for the report.
  const observed: { response?: Response | undefined } = {};
  const client = createHyperbrowserClient({
    apiKey: process.env["HYPERBROWSER_API_KEY"],
    baseUrl: prism.url,
    maxRetries: 0,
    fetch: async (input, init) => (observed.response = await fetch(input, init)),
  });
  const probes = [
    ...(options.id ?? []).map((id) => ({ id, label: `existing id ${id}`, expects: "2xx" as const })),
    { id: `verify-missing-${randomUUID()}`, label: "unknown id (expects 404)", expects: 404 as const },
  ];
  for (const probe of probes) {
    observed.response = undefined;
    const outcome = await client.sessions.get(probe.id).then(
      (session) => ({ body: session, error: undefined }),
      (error: unknown) => ({ body: isHyperbrowserApiError(error) ? error.body : undefined, error }),
    );
    const last = observed.response as Response | undefined;
    if (!last) {
      const reason = isHyperbrowserError(outcome.error) ? outcome.error.message : String(outcome.error);
      results.push({
        label: probe.label,
        status: "no response",
        violations: [{ location: "transport", severity: "Error", message: reason }],
        warnings: [],
      });
      continue;
    }
    const warnings: string[] = [];
    const violations = prismViolations(last.headers, outcome.body);
    // Under --errors Prism replaces a violating answer with its own 500 listing the violations; its
    // problem+json without such a list is not the upstream's answer at all: Prism could not reach it.
    const prismOwnProblem = violations.length === 0 && /problem\+json/i.test(last.headers.get("content-type") ?? "");
    if (prismOwnProblem) {
      const problem = outcome.body as { title?: unknown; type?: unknown } | undefined;
      violations.push({
        location: "upstream",
        severity: "Error",
        message: `not reached through Prism: ${String(problem?.title ?? problem?.type ?? `status ${last.status}`)}`,
      });
    } else if (violations.length === 0 && (probe.expects === "2xx" ? !last.ok : last.status !== probe.expects)) {
      violations.push({
        location: "response.status",
        severity: "Error",
        message: `expected ${probe.expects}, got ${last.status}`,
      });
    }
    if (last.status === 404 && typeof (outcome.body as { message?: unknown } | undefined)?.message !== "string") {
      warnings.push(
        "404 body has no `message` (allowed by the spec, whose ErrorResponse requires nothing; errors fall back " +
          "to the status line)",
      );
    }
    // The client's verdict counts too: a 2xx it rejects (over its size limit, not the spec's shape) is no
    // conforming answer.
    const rejected =
      probe.expects === "2xx"
        ? outcome.error !== undefined
        : outcome.error !== undefined && !isHyperbrowserApiError(outcome.error);
    if (rejected && last.ok) {
      const reason = isHyperbrowserError(outcome.error) ? outcome.error.message : String(outcome.error);
      violations.push({
        location: "client",
        severity: "Error",
        message: `the client rejected the response: ${reason}`,
      });
    }
    if (probe.expects === "2xx" && last.ok && !rejected) checkedBodies += 1;
    results.push({ label: probe.label, status: last.status, violations, warnings });
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
if (total > 0) {
  console.log(`\n${total} violation(s): ${results.length} probe(s)`);
  process.exitCode = 1;
} else if (checkedBodies === 0) {
  console.log(
    `\nNot verified: no --id answered with a 2xx, so no session body was checked (${results.length} probe(s))`,
  );
  process.exitCode = 1;
} else {
  console.log(`\nConforms: ${results.length} probe(s), ${checkedBodies} session body(ies) checked`);
}
