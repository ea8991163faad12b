import { expect } from "vitest";

/**
 * Fails unless a response came from the spec, not from Prism's own error handling: Prism answers
 * what it cannot match (undeclared `Prefer: code=500`, a broken request) with
 * `application/problem+json`, and flags spec violations with an `sl-violations` header.
 */
export function expectSpecResponse(response: Response | Headers | undefined): void {
  const headers = response instanceof Headers ? response : response?.headers;
  expect(headers, "no response was recorded").toBeDefined();
  expect(headers?.get("sl-violations"), "Prism reported a spec violation").toBeNull();
  expect(
    headers?.get("content-type") ?? "",
    "Prism answered with its own problem+json, not a spec response",
  ).not.toMatch(/problem\+json/i);
}
