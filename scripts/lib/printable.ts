// C0 and C1 control characters (ESC, bare CR, BEL, …): from a spec they could rewrite the terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A name from a spec, safe to print: control characters removed. */
export function printable(text: string): string {
  return text.replace(CONTROL, "");
}
