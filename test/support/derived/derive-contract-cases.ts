import { listOperations, type SpecOperation } from "../../../scripts/lib/spec-operations.js";
import { NotDerivableError, sampleValue } from "./sample-value.js";

/** What an override fixture may set for one operation (keyed `GET /path`); each field replaces the derived one. */
export interface ContractOverride {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One (operation × declared status) case, ready to send, or the reason it could not be derived. */
export interface ContractCase {
  /** `GET /api/session/{id} 404`. */
  name: string;
  method: string;
  path: string;
  status: string;
  /** The status to ask Prism for (`Prefer: code=N`); `default` maps to an undeclared code. */
  preferCode: number;
  request?: {
    path: Record<string, unknown>;
    query: Record<string, unknown>;
    headers: Record<string, string>;
    body?: unknown;
  };
  /** The response's declared media type and schema; none when the status declares no body. */
  response: { contentType?: string; schema?: unknown };
  /** Set when no valid request could be derived: names what is missing and how to supply it. */
  missing?: string;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/** One case per (operation × declared status) of `document`, requests built from the spec plus `overrides`. */
export function deriveContractCases(
  document: Record<string, unknown>,
  overrides: Record<string, ContractOverride> = {},
): ContractCase[] {
  return listOperations(document).flatMap((operation) => {
    let request: ContractCase["request"];
    let missing: string | undefined;
    try {
      request = deriveRequest(operation, document, overrides[operation.key] ?? {});
    } catch (error) {
      if (!(error instanceof NotDerivableError)) throw error;
      missing =
        `${operation.key}: no valid request can be derived (${error.message}); add "${operation.key}" to ` +
        `the contract override fixture`;
    }
    const declared = new Set(operation.statuses);
    return operation.statuses.map((status) => ({
      name: `${operation.key} ${status}`,
      method: operation.method,
      path: operation.path,
      status,
      preferCode: status === "default" ? undeclaredCode(declared) : Number(status),
      ...(request ? { request } : {}),
      response: describeResponse(operation, status, document),
      ...(missing ? { missing } : {}),
    }));
  });
}

function deriveRequest(
  operation: SpecOperation,
  document: unknown,
  override: ContractOverride,
): NonNullable<ContractCase["request"]> {
  const values: Record<"path" | "query" | "header", Record<string, unknown>> = { path: {}, query: {}, header: {} };
  for (const parameter of operation.parameters) {
    const where = String(parameter["in"]);
    const name = String(parameter["name"]);
    if (where !== "path" && parameter["required"] !== true) continue;
    if (
      (where === "path" && override.path && name in override.path) ||
      (where === "query" && override.query && name in override.query)
    )
      continue;
    if (where === "header" && override.headers && name.toLowerCase() in lowerKeys(override.headers)) continue;
    if (where === "cookie") throw new NotDerivableError(`cookie parameter ${name} is required`);
    values[where as "path" | "query" | "header"][name] = parameterValue(
      parameter,
      document,
      `${where} parameter ${name}`,
    );
  }
  const headers = Object.fromEntries(Object.entries(values.header).map(([name, value]) => [name, String(value)]));
  const request: NonNullable<ContractCase["request"]> = {
    path: { ...values.path, ...override.path },
    query: { ...values.query, ...override.query },
    headers: { ...headers, ...override.headers },
  };
  if ("body" in override) request.body = override.body;
  else {
    const body = requestBody(operation, document);
    if (body !== undefined) request.body = body.value;
  }
  return request;
}

function parameterValue(parameter: Record<string, unknown>, document: unknown, where: string): unknown {
  if ("example" in parameter) return parameter["example"];
  const examples = parameter["examples"] as Record<string, { value?: unknown }> | undefined;
  const first = examples ? Object.values(examples)[0] : undefined;
  if (first && "value" in first) return first.value;
  if (!parameter["schema"]) throw new NotDerivableError(`${where} has no schema and no example`);
  return sampleValue(parameter["schema"], document, where);
}

function requestBody(operation: SpecOperation, document: unknown): { value: unknown } | undefined {
  const declared = operation.operation["requestBody"];
  if (!declared) return undefined;
  const body = resolveRef(declared, document) as {
    content?: Record<string, Record<string, unknown>>;
    required?: boolean;
  };
  const [type, media] = Object.entries(body.content ?? {}).find(([name]) => JSON_TYPE.test(name)) ?? [];
  if (!type || !media) {
    if (body.required !== true) return undefined;
    throw new NotDerivableError(
      `the request body has no JSON media type (declared: ${Object.keys(body.content ?? {}).join(", ") || "none"})`,
    );
  }
  if ("example" in media) return { value: media["example"] };
  const examples = media["examples"] as Record<string, unknown> | undefined;
  const first = examples
    ? (resolveRef(Object.values(examples)[0], document) as { value?: unknown } | undefined)
    : undefined;
  if (first && "value" in first) return { value: first.value };
  return { value: sampleValue(media["schema"], document, "request body") };
}

function describeResponse(operation: SpecOperation, status: string, document: unknown): ContractCase["response"] {
  const responses = operation.operation["responses"] as Record<string, unknown>;
  const response = resolveRef(responses[status], document) as
    { content?: Record<string, { schema?: unknown }> } | undefined;
  const content = Object.entries(response?.content ?? {});
  const [type, media] = content.find(([name]) => JSON_TYPE.test(name)) ?? content[0] ?? [];
  return type ? { contentType: type, schema: media?.schema } : {};
}

function undeclaredCode(declared: Set<string>): number {
  // Prism answers an undeclared `Prefer: code=` from the `default` response.
  for (let code = 500; code < 600; code += 1) if (!declared.has(String(code))) return code;
  return 599;
}

function resolveRef(node: unknown, document: unknown): unknown {
  const ref = (node as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== "string") return node;
  let target: unknown = document;
  for (const raw of ref.replace(/^#\//, "").split("/"))
    target = (target as Record<string, unknown> | undefined)?.[raw.replaceAll("~1", "/").replaceAll("~0", "~")];
  return target;
}

function lowerKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
}
