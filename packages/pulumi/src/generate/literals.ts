// Text from the plan (cluster and object names, step titles, notes) reaches the generated project only
// through these encoders, never by pasting it between quotes or after `//`: whatever a name holds, it
// stays data in index.ts, Pulumi.yaml and the stack file.

/**
 * Characters that end a line in TypeScript (and in YAML 1.1) or that YAML does not allow raw: C0 and C1
 * controls, DEL, the line and paragraph separators, the byte-order mark and the two non-characters.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

const escapeUnicode = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text for a `//` comment: a line break would end the comment and make the rest code, so every unsafe
 * character is written as its `\uXXXX` escape, which a reader sees and nothing runs. (The end of a block
 * comment means nothing after `//`.)
 */
export function tsCommentText(text: string): string {
  return text.replace(UNSAFE, escapeUnicode);
}

/**
 * A YAML double-quoted scalar. JSON's escapes are YAML's too; the characters JSON leaves raw that YAML
 * forbids or reads as line breaks are escaped as well. Reads back as exactly `text`.
 */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(UNSAFE, escapeUnicode);
}

/** A YAML flow sequence of strings: `["a","b"]`. */
export function yamlStringList(items: readonly string[]): string {
  return `[${items.map(yamlString).join(',')}]`;
}
