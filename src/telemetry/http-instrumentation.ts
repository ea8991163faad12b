/**
 * True when `node:http`'s `request` is wrapped by an instrumentation (`@opentelemetry/instrumentation-http`
 * wraps it with shimmer, which marks the wrapper `__wrapped` and keeps `__original`): it already makes a
 * CLIENT span per outgoing request.
 */
export function isNodeHttpInstrumented(): boolean {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const http = getBuiltin?.("node:http") as { request?: { __wrapped?: unknown; __original?: unknown } } | undefined;
  const request = http?.request;
  return request !== undefined && (request.__wrapped === true || typeof request.__original === "function");
}
