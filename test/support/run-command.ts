import { runCommand as run, type CommandResult } from "../../scripts/lib/run-command.js";

export type { CommandResult };

/** Runs a command without a shell (60 s limit unless told); resolves with its exit code and output, never rejects on a non-zero exit. */
export function runCommand(file: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CommandResult> {
  return run(file, args, { ...options, timeoutMs: options.timeoutMs ?? 60_000 });
}

/**
 * Deprecation warnings that dependencies print on newer Node versions, not this project's output; each
 * names its source. Only these are removed by {@link withoutDependencyWarnings}.
 */
const DEPENDENCY_DEPRECATIONS: Record<string, string> = {
  // ts-node 10.9.2's ESM resolver (the script runner) calls the fs.Stats constructor; Node 24 deprecates it.
  DEP0180: "fs.Stats constructor is deprecated.",
};

/** Stderr without the known dependency deprecation warnings above (and Node's "Use --trace-deprecation" hint), trimmed. */
export function withoutDependencyWarnings(stderr: string): string {
  return stderr
    .split("\n")
    .filter((line) => {
      const match = /^\(node:\d+\) \[(DEP\d+)\] DeprecationWarning: (.*)$/.exec(line);
      if (match) return DEPENDENCY_DEPRECATIONS[match[1] ?? ""] !== match[2]?.trim();
      return !/^\(Use `node --trace-deprecation \.\.\.` to show where the warning was created\)$/.test(line);
    })
    .join("\n")
    .trim();
}
