/**
 * Receives what the client does, one call per event, with structured fields. Secrets are redacted
 * before they get here: the API key header and the session `token` never appear.
 * `console` fits this shape.
 */
export interface HyperbrowserLogger {
  debug(message: string, fields: Record<string, unknown>): void;
  info(message: string, fields: Record<string, unknown>): void;
  warn(message: string, fields: Record<string, unknown>): void;
}
