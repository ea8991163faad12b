/**
 * What is wrong with a text `JSON.parse` refused, in words that quote none of it. V8's own message quotes
 * the characters around the error, which can be part of a session token: it must not reach an error.
 */
export function describeJsonSyntaxError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : "";
  const position = /at position (\d+)/.exec(message)?.[1];
  if (/Unexpected end of JSON input|Unterminated string/.test(message) || Number(position) >= text.length) {
    return "the body is not valid JSON (it ends early: truncated?)";
  }
  if (position !== undefined) return `the body is not valid JSON (invalid at character ${position} of ${text.length})`;
  return `the body is not valid JSON (${text.length} characters)`;
}
