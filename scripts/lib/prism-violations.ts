/** One spec violation Prism reported for an exchange. */
export interface PrismViolation {
  /** Where: `response.body.startTime`, `request.header.x-api-key`. */
  location: string;
  severity: string;
  message: string;
}

/**
 * The violations Prism attached to a response: its `sl-violations` header (set in every mode) and,
 * under `--errors`, the `validation` list of its problem+json body.
 */
export function prismViolations(headers: Headers, body: unknown): PrismViolation[] {
  const found = new Map<string, PrismViolation>();
  const add = (entry: { location?: unknown; severity?: unknown; message?: unknown }) => {
    const location = Array.isArray(entry.location) ? entry.location.join(".") : String(entry.location ?? "?");
    const violation = { location, severity: String(entry.severity ?? "Error"), message: String(entry.message ?? "") };
    found.set(`${violation.location}|${violation.message}`, violation);
  };
  const header = headers.get("sl-violations");
  if (header) {
    try {
      for (const entry of JSON.parse(header) as object[]) add(entry);
    } catch {
      add({ location: ["response", "header", "sl-violations"], message: header });
    }
  }
  const validation = (body as { validation?: unknown } | null | undefined)?.validation;
  if (Array.isArray(validation)) for (const entry of validation as object[]) add(entry);
  return [...found.values()];
}
