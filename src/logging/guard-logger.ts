import { settleQuietly } from "../internal/settle-quietly.js";
import type { HyperbrowserLogger } from "./logger.js";

/**
 * The logger with each method made harmless: one that throws, rejects or is missing at call time
 * cannot change a call's outcome or crash the process. A logger that fails is not told about it.
 */
export function guardLogger(logger: HyperbrowserLogger): HyperbrowserLogger {
  const guarded = (level: keyof HyperbrowserLogger) => (message: string, fields: Record<string, unknown>) =>
    settleQuietly(() => logger[level](message, fields), ignore);
  return { debug: guarded("debug"), info: guarded("info"), warn: guarded("warn") };
}

function ignore(): void {}
