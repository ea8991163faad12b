import { parseArgs } from "node:util";
import { createHyperbrowserClient, type HyperbrowserClient } from "../client.js";
import { isHyperbrowserError } from "../errors/error-guards.js";
import { checkBaseUrl } from "../client-option-checks.js";
import { headerValueProblem } from "../internal/checks.js";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { formatSession } from "./format-session.js";
import { HELP } from "./help.js";
import { printable, printableJson } from "./printable.js";
import { createCliMock } from "./mock-api.js";

/** Where the CLI writes, and what it reads from its environment; injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
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
    return usage(argumentProblem(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const [command, id, ...extra] = positionals;
  if (command !== "get")
    return usage(command === undefined ? "missing command" : `unknown command ${JSON.stringify(command)}`);
  if (id === undefined) return usage("missing <session-id>");
  if (extra.length > 0) return usage(`unexpected argument ${JSON.stringify(extra[0])}`);
  const timeoutMs = parseInteger(values.timeout, "--timeout", 1, 2 ** 31 - 1);
  const maxRetries = parseInteger(values.retries, "--retries", 0, 10);
  if (typeof timeoutMs === "string") return usage(timeoutMs);
  if (typeof maxRetries === "string") return usage(maxRetries);
  if (values.mock && values["base-url"]) return usage("--mock and --base-url cannot be combined");
  // With --mock, the environment's key belongs to the real API: only --api-key is sent to the mock.
  const apiKey = values["api-key"] ?? (values.mock ? undefined : io.env["HYPERBROWSER_API_KEY"] || undefined);
  if (apiKey === undefined && !values.mock)
    return usage("missing API key: pass --api-key <key> or set HYPERBROWSER_API_KEY");
  const keyProblem = apiKey === undefined ? undefined : headerValueProblem(apiKey);
  if (keyProblem)
    return usage(
      `the API key (${values["api-key"] === undefined ? "HYPERBROWSER_API_KEY" : "--api-key"}) ${keyProblem}`,
    );
  const baseUrlSource = values["base-url"] === undefined ? "HYPERBROWSER_BASE_URL" : "--base-url";
  const baseUrl = values["base-url"] ?? (io.env["HYPERBROWSER_BASE_URL"] || undefined);
  const baseUrlProblem = baseUrl === undefined ? undefined : problemOf(() => checkBaseUrl(baseUrl));
  if (baseUrlProblem)
    return usage(`${baseUrlSource} ${baseUrlProblem.replace(/^createHyperbrowserClient: `baseUrl` /, "")}`);

  const mock = values.mock ? createCliMock(apiKey) : undefined;
  if (mock) io.stderr(`${mock.description}\n`);
  let client: HyperbrowserClient | undefined;
  try {
    client = createHyperbrowserClient({
      apiKey,
      baseUrl,
      ...mock?.client,
      timeoutMs,
      maxRetries,
      validateResponses: values.validate ? "throw" : "off",
    });
    const session = await client.sessions.get(id);
    io.stdout(values.json ? `${printableJson(session)}\n` : `${formatSession(session)}\n`);
    return EXIT.ok;
  } catch (error) {
    // Options the client refuses at construction (a malformed proxy URL from the environment) are bad input.
    if (client === undefined && error instanceof TypeError) return usage(printable(error.message));
    const text = isHyperbrowserError(error)
      ? `${error.name}: ${error.message}`
      : String((error as Error)?.message ?? error);
    io.stderr(`hyperbrowser-session: ${printable(text)}\n`);
    return isHyperbrowserError(error) ? exitCodeFor(error) : EXIT.failure;
  } finally {
    await client?.close();
  }
}

/** parseArgs' message in the CLI's words: the option without Node's quotes and advice about `--`. */
function argumentProblem(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `unknown option ${option}`;
  return printable((error as Error).message.split("\n")[0] ?? "invalid arguments").replace(/'/g, "");
}

function problemOf(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return printable((error as Error).message);
  }
}

function parseInteger(value: string | undefined, name: string, min: number, max: number): number | undefined | string {
  if (value === undefined) return undefined;
  const number = Number(value);
  // The value is not repeated: the CLI never echoes what it was given (a key typed into the wrong flag).
  return Number.isInteger(number) && number >= min && number <= max
    ? number
    : `${name} must be an integer from ${min} to ${max}`;
}
