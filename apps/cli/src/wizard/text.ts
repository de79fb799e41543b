import { forTerminal, forTerminalLines } from '@modeshift/core/base';

/**
 * Plain-text layout for the wizard. Text is wrapped here rather than by Ink so that every view knows how
 * many terminal rows it takes: scrolling and "render only what is visible" both need that number.
 */

/** A styled line: views map `tone` to a colour (or to nothing under NO_COLOR). */
export interface Line {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

export type Tone = 'accent' | 'muted' | 'good' | 'warn' | 'bad' | 'info' | 'code';

export function truncate(raw: string, width: number): string {
  const text = forTerminal(raw);
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, Math.max(0, width)).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

/** Whitespace that wrapping would change: leading, trailing, repeated, or other than a plain space. */
const SPACING = /^\s|\s$|\s\s|[^\S ]/;

/**
 * Word wrap to `width` columns. A word longer than a line (a URL, an ARN) gets a line of its own and is never
 * cut, so it can be copied whole with the mouse; the row shows what fits. `indent` prefixes continuation lines too.
 */
export function wrap(raw: string, width: number, indent = ''): string[] {
  // Escape sequences from the inventory are shown, never sent to the terminal.
  const text = forTerminalLines(raw);
  const room = Math.max(8, width - [...indent].length);
  // Most text fits and has single spaces only: a plan's thousands of one-line entries skip the word loop.
  if (text.length <= room && !SPACING.test(text)) return [indent + text];
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const rest = word;
      if (!line) line = rest;
      else if ([...line].length + 1 + [...rest].length <= room) line += ` ${rest}`;
      else {
        out.push(indent + line);
        line = rest;
      }
    }
    out.push(indent + line);
  }
  return out;
}

/** Code keeps its spacing: long lines are cut into rows instead of being re-flowed. */
export function wrapCode(raw: string, width: number, indent = ''): string[] {
  const text = forTerminalLines(raw);
  const room = Math.max(8, width - [...indent].length);
  const out: string[] = [];
  for (const raw of text.replace(/\n$/, '').split('\n')) {
    const chars = [...raw];
    if (chars.length === 0) out.push(indent);
    for (let i = 0; i < chars.length; i += room) out.push(indent + chars.slice(i, i + room).join(''));
  }
  return out;
}

/** Splits a shell command into words at spaces outside quotes, so a break never lands inside a quoted argument. */
function shellWords(command: string): string[] {
  return command.match(/(?:[^\s'"]+|'[^']*'|"(?:\\.|[^"\\])*")+|['"].*/g) ?? [];
}

/**
 * A shell command over several rows, broken only between words and continued with ` \`, so that what a
 * person selects with the mouse is still one command the shell runs. A word longer than a row is never cut.
 */
export function wrapCommand(command: string, width: number, indent = '', prompt = '$ '): string[] {
  const room = Math.max(8, width - [...indent].length);
  const first = `${prompt}${command}`;
  const words = shellWords(command);
  if ([...first].length <= room || words.length === 0) return [indent + first];
  const continued = ' '.repeat([...prompt].length + 2);
  const out: string[] = [];
  let line = `${prompt}${words[0]}`;
  for (const word of words.slice(1)) {
    // Each row keeps room for its trailing " \\".
    if ([...line].length + 1 + [...word].length + 2 <= room) line += ` ${word}`;
    else {
      out.push(`${indent}${line} \\`);
      line = `${continued}${word}`;
    }
  }
  out.push(indent + line);
  return out;
}

export const lines = (texts: string[], tone?: Tone, bold?: boolean): Line[] =>
  texts.map((text) => ({ text, ...(tone ? { tone } : {}), ...(bold ? { bold } : {}) }));

export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || width <= 0) return '';
  const n = Math.round((value / max) * width);
  return '█'.repeat(Math.max(value > 0 ? 1 : 0, n));
}

/** "1 PVC", "2 PVCs", "1 IngressClass", "3 IngressClasses": English plurals of the words the wizard counts. */
export function plural(n: number, word: string, many = pluralOf(word)): string {
  return `${n} ${n === 1 ? word : many}`;
}

function pluralOf(word: string): string {
  if (/(s|x|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}
