import type * as OtelApi from "@opentelemetry/api";
import { builtinModule } from "../internal/builtin-module.js";

/** The parts of `@opentelemetry/api` this package uses. */
export type OpenTelemetryApi = Pick<
  typeof OtelApi,
  "trace" | "metrics" | "context" | "propagation" | "SpanKind" | "SpanStatusCode" | "ValueType"
>;

let loaded: OpenTelemetryApi | null | undefined;

/**
 * `@opentelemetry/api` when it is installed beside this package, else undefined. It is an optional peer
 * dependency: loaded on first use (a client made with telemetry on), never at import, and the same
 * global registry (tracer and meter providers, propagators) as the application's copy.
 */
export function loadOpenTelemetryApi(): OpenTelemetryApi | undefined {
  if (loaded !== undefined) return loaded ?? undefined;
  loaded = null;
  const nodeModule = builtinModule<typeof import("node:module")>("node:module");
  if (!nodeModule) return undefined;
  // Resolved from this file, so from the application's node_modules. The CommonJS build gets `__filename`
  // here from the build's `define`; no `typeof __filename` probe, which webpack folds into an ESM bundle
  // that then throws a ReferenceError.
  const from = import.meta.url;
  try {
    loaded = nodeModule.createRequire(from)("@opentelemetry/api") as OpenTelemetryApi;
  } catch {
    loaded = null;
  }
  return loaded ?? undefined;
}
