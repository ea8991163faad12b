import { runCommand as run, type CommandResult } from "../../scripts/lib/run-command.js";

export type { CommandResult };

/** Runs a command without a shell (60 s limit unless told); resolves with its exit code and output, never rejects on a non-zero exit. */
export function runCommand(file: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CommandResult> {
  return run(file, args, { ...options, timeoutMs: options.timeoutMs ?? 60_000 });
}
