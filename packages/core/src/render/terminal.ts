/**
 * Text from an inventory (names, images, annotations, configuration) may hold escape sequences or
 * control characters: printed raw, they can recolour or hide a terminal's text, move the cursor, set
 * the window title, or fake a line of output. Everything that reaches a terminal goes through here:
 * C0 and C1 control characters (newlines included: each value is meant for one line), DEL and the
 * Unicode bidirectional overrides are shown as visible escapes (`\x1b`, `\u202e`) instead.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function escape(character: string): string {
  const code = character.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of text safe to print; unchanged (the same string) when it holds nothing unsafe. */
export function forTerminal(text: string): string {
  return UNSAFE_TEST.test(text) ? text.replace(UNSAFE, escape) : text;
}

const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The same, keeping line breaks and tabs: for text that is meant to span lines (code, wrapped paragraphs). */
export function forTerminalLines(text: string): string {
  UNSAFE_IN_LINES.lastIndex = 0;
  return UNSAFE_IN_LINES.test(text) ? text.replace(UNSAFE_IN_LINES, escape) : text;
}
