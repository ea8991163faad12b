import { builtinModule } from "../internal/builtin-module.js";

/**
 * True when `node:http`'s `request` is wrapped by an instrumentation (`@opentelemetry/instrumentation-http`
 * wraps it with shimmer, which marks the wrapper `__wrapped` and keeps `__original`): it already makes a
 * CLIENT span per outgoing request.
 */
export function isNodeHttpInstrumented(): boolean {
  // The module object is looked up once; its `request` is read on each call (instrumentation may come later).
  http ??= builtinModule<NonNullable<typeof http>>("node:http") ?? null;
  const request = http?.request;
  return request !== undefined && (request.__wrapped === true || typeof request.__original === "function");
}

let http: { request?: { __wrapped?: unknown; __original?: unknown } } | null | undefined;
