import { execFile } from "node:child_process";

/** The outcome of a finished command. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** How long a command may run unless the caller says otherwise: a hung child fails instead of hanging its caller. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 60_000;

/**
 * Runs a command without a shell (scripts and tests alike); resolves with its exit code and output, never
 * rejects on a non-zero exit; rejects when it cannot start or is killed (past `timeoutMs`, for one).
 */
export function runCommand(
  file: string,
  args: readonly string[],
  options: { cwd?: string | undefined; env?: NodeJS.ProcessEnv | undefined; timeoutMs?: number | undefined } = {},
): Promise<CommandResult> {
  const timeout = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { cwd: options.cwd, env: options.env ?? process.env, timeout, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // ExecFileException is built with Omit<>, which hides from the linter that it is an Error.
        const failure: Error | null = error;
        if (failure && typeof error?.code !== "number") return reject(failure);
        resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
  });
}
