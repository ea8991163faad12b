import { parseArgs } from "node:util";
import { createHyperbrowserClient, type HyperbrowserClient } from "../client.js";
import { isHyperbrowserError } from "../errors/error-guards.js";
import { headerValueProblem } from "../internal/checks.js";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { formatSession } from "./format-session.js";
import { HELP } from "./help.js";
import { printable, printableJson } from "./printable.js";
import { startCliMock, type CliMock } from "./mock-upstream.js";

/** Where the CLI writes, and what it reads from its environment; injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Path of the openapi.json that `--mock` serves. */
  specPath: string;
}

const OPTIONS = {
  "api-key": { type: "string" },
  "base-url": { type: "string" },
  timeout: { type: "string" },
  retries: { type: "string" },
  json: { type: "boolean" },
  validate: { type: "boolean" },
  mock: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`hyperbrowser-session: ${message} (see --help)\n`);
    return EXIT.usage;
  };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return usage((error as Error).message.split("\n")[0] ?? "invalid arguments");
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const [command, id, ...extra] = positionals;
  if (command !== "get") return usage(command === undefined ? "missing command" : `unknown command ${JSON.stringify(command)}`);
  if (id === undefined) return usage("missing <session-id>");
  if (extra.length > 0) return usage(`unexpected argument ${JSON.stringify(extra[0])}`);
  const timeoutMs = parseInteger(values.timeout, "--timeout", 1, 2 ** 31 - 1);
  const maxRetries = parseInteger(values.retries, "--retries", 0, 10);
  if (typeof timeoutMs === "string") return usage(timeoutMs);
  if (typeof maxRetries === "string") return usage(maxRetries);
  if (values.mock && values["base-url"]) return usage("--mock and --base-url cannot be combined");
  const apiKey = values["api-key"] ?? (io.env["HYPERBROWSER_API_KEY"] || undefined);
  if (apiKey === undefined && !values.mock) return usage("missing API key: pass --api-key <key> or set HYPERBROWSER_API_KEY");
  const keyProblem = apiKey === undefined ? undefined : headerValueProblem(apiKey);
  if (keyProblem) return usage(`the API key (${values["api-key"] === undefined ? "HYPERBROWSER_API_KEY" : "--api-key"}) ${keyProblem}`);

  let mock: CliMock | undefined;
  let client: HyperbrowserClient | undefined;
  try {
    if (values.mock) {
      mock = await startCliMock(io.specPath);
      io.stderr(`${mock.description}\n`);
    }
    try {
      client = createHyperbrowserClient({
        apiKey,
        baseUrl: values["base-url"] ?? (io.env["HYPERBROWSER_BASE_URL"] || undefined),
        ...mock?.client,
        timeoutMs,
        maxRetries,
        validateResponses: values.validate ? "throw" : "off",
      });
    } catch (error) {
      // Options the client refused (a base URL that is not http(s), …): the caller's input.
      return usage(printable((error as Error).message));
    }
    const session = await client.sessions.get(id);
    io.stdout(values.json ? `${printableJson(session)}\n` : `${formatSession(session)}\n`);
    return EXIT.ok;
  } catch (error) {
    const text = isHyperbrowserError(error) ? `${error.name}: ${error.message}` : String((error as Error)?.message ?? error);
    io.stderr(`hyperbrowser-session: ${printable(text)}\n`);
    return isHyperbrowserError(error) ? exitCodeFor(error) : EXIT.failure;
  } finally {
    await client?.close();
    await mock?.close();
  }
}

function parseInteger(value: string | undefined, name: string, min: number, max: number): number | undefined | string {
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : `${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`;
}
