// Every value that goes into a command the plan prints (and the wizard copies or runs) goes through here, so
// that a name is one argument to the program whatever it contains, and never a second command.

/** Words a POSIX shell takes literally: no quote, space, expansion, glob, redirection, comment or separator. */
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * `<cluster-name>`-style placeholders the operator replaces before running: left as they are so they stay
 * easy to find and fill in. Unreplaced, a shell refuses the line (`<` and `>` are redirections without a
 * file name), so nothing runs.
 */
const PLACEHOLDER = /^<[a-z][a-z0-9-]*>$/;

/**
 * Characters that would break a command over lines or reach the terminal raw: C0 and C1 controls, DEL and
 * the Unicode line and paragraph separators. Inside plain single quotes a new line would still end a
 * `# …` comment line; inside `$'…'` it is the two characters `\n`.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const UTF8 = new TextEncoder();

/**
 * Control characters as backslash escapes (a new line as `\n`, ESC as `\x1b`), which bash's `$'…'` reads
 * back. Those beyond ASCII are written as their UTF-8 bytes, which read back the same in any locale.
 */
function escapeControls(text: string): string {
  return text.replace(new RegExp(CONTROL.source, 'g'), (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\t') return '\\t';
    if (ch === '\r') return '\\r';
    return [...UTF8.encode(ch)].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');
  });
}

/**
 * One shell word that reads back as exactly `text`. Plain words stay as they are, so `deployment/cart`
 * reads as before; anything else is single-quoted (`'cart;curl x|sh'`), which every POSIX shell reads
 * literally. Text with control characters uses `$'…'` (bash, zsh, ksh; POSIX since 2024) instead, so the
 * command stays on one line and no escape sequence reaches a terminal raw.
 */
export function shellQuote(text: string): string {
  if (PLAIN.test(text) || PLACEHOLDER.test(text)) return text;
  if (CONTROL.test(text)) return `$'${escapeControls(text.replace(/[\\']/g, '\\$&'))}'`;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A value for `sh`: a string or number is one word; a list is one word per item, separated by spaces. */
export type ShellValue = string | number | readonly (string | number)[];

/**
 * Tag for command templates: the literal text is the command as written, every `${value}` is quoted with
 * shellQuote. A value inside a word (`--role-arn arn:aws:iam::${account}:role/x`) is quoted in place, which
 * a shell joins back into one word.
 */
export function sh(strings: TemplateStringsArray, ...values: ShellValue[]): string {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    out += typeof value === 'object' ? value.map((v) => shellQuote(String(v))).join(' ') : shellQuote(String(value));
    out += strings[i + 1] ?? '';
  }
  return out;
}

/**
 * A `# …` line of a command list. Quoting means nothing after `#`, but a line break would end the comment
 * and run the rest: control characters are written as escapes, so the comment stays one line.
 */
export function shellComment(text: string): string {
  return `# ${escapeControls(text)}`;
}
