// ANSI escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-character ESC sequences.
const ANSI_RE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]/g;
// C0 controls but newline, DEL, and C1 controls (U+009B is CSI on its own in some terminals).
const CONTROL_RE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/**
 * Server text made safe for a terminal: escape sequences and control characters removed (a tab becomes a
 * space, a line break a space too), so a body cannot move the cursor, recolour, or fake an "OK" line
 * with a carriage return or a new line.
 */
export function printable(text: string): string {
  return text
    .replace(ANSI_RE, "")
    .replace(/\t/g, " ")
    .replace(CONTROL_RE, "")
    .replace(/\s*\n\s*/g, " ");
}

/** JSON for a terminal: JSON.stringify escapes C0 controls but not C1 ones; escape those too. */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
