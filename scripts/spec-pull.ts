/**
 * Fetches the provider's spec (a docs page in markdown with one fenced YAML/JSON block, a JSON or a
 * YAML document) and runs the spec:update checks against openapi.json, for a scheduled CI job.
 *
 * Usage: npm run spec:pull -- --url <url> [--write] [--allow-breaking]
 *   --write           vendor a non-breaking change (openapi.json and generated/), as spec:update does
 *   --allow-breaking  with --write, vendor a breaking change too
 * Exit codes: 0 unchanged, 1 breaking changes, 2 invalid or unreachable, 3 non-breaking changes available
 * (the code says what was found, whether or not --write vendored it).
 * Limits: the body is streamed and refused past 5 MB on the wire or once decompressed; a redirect is
 * followed only within the URL's origin (the report names the final URL); invalid UTF-8 is refused.
 */
import { parseArgs } from "node:util";
import { fetchBounded } from "./lib/fetch-bounded.js";
import { compareWithVendoredSpec, vendorSpec } from "./lib/spec-comparison.js";

const EXIT = { unchanged: 0, breaking: 1, invalid: 2, changed: 3 } as const;
const TIMEOUT_MS = 30_000;
const MAX_BYTES = 5 * 1024 * 1024;

let options: { url?: string | undefined; write?: boolean | undefined; "allow-breaking"?: boolean | undefined };
try {
  options = parseArgs({
    options: { url: { type: "string" }, write: { type: "boolean" }, "allow-breaking": { type: "boolean" } },
  }).values;
  if (!options.url) throw new Error("--url <url> is required");
  const protocol = new URL(options.url).protocol;
  if (protocol !== "https:" && protocol !== "http:") throw new Error(`--url must be http or https, not ${protocol}`);
} catch (error) {
  console.error(
    `spec:pull: ${(error as Error).message}\nusage: npm run spec:pull -- --url <url> [--write] [--allow-breaking]`,
  );
  process.exit(EXIT.invalid);
}
let url = options.url;

let text: string;
try {
  const document = await fetchBounded(url, { maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
  if (document.url !== url) console.log(`spec:pull: ${url} redirected (same origin) to ${document.url}`);
  url = document.url;
  text = document.text;
} catch (error) {
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  console.error(`spec:pull: could not fetch the spec: ${(error as Error).message}${cause ? ` (${cause})` : ""}`);
  process.exit(EXIT.invalid);
}

let exitCode: number;
try {
  const comparison = await compareWithVendoredSpec(text, url);
  if (comparison.identical) {
    console.log(`spec:pull: ${url} is the vendored openapi.json, unchanged.`);
    process.exit(EXIT.unchanged);
  }
  console.log(comparison.text);
  exitCode = comparison.report.breaking ? EXIT.breaking : EXIT.changed;
  if (options.write && (!comparison.report.breaking || options["allow-breaking"])) {
    console.log(`\nspec:pull: wrote openapi.json; ${(await vendorSpec(comparison.next)).join("; ")}`);
  } else {
    console.log(
      comparison.report.breaking
        ? "\nspec:pull: breaking changes for clients; openapi.json left unchanged (vendor with --write " +
            "--allow-breaking, then release a major)."
        : "\nspec:pull: non-breaking changes available; run with --write to vendor them.",
    );
  }
} catch (error) {
  console.error(`spec:pull: ${(error as Error).message}\nopenapi.json and generated/ left unchanged.`);
  process.exit(EXIT.invalid);
}
process.exit(exitCode);
