import { execFile } from "node:child_process";

/** The outcome of a finished command. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; resolves with its exit code and output, never rejects on a non-zero exit. */
export function runCommand(
  file: string,
  args: readonly string[],
  options: { cwd?: string | undefined; env?: NodeJS.ProcessEnv | undefined; timeoutMs?: number | undefined } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(file, [...args], { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 0, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      // ExecFileException is built with Omit<>, which hides from the linter that it is an Error.
      const failure: Error | null = error;
      if (failure && typeof error?.code !== "number") return reject(failure);
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
    });
  });
}
