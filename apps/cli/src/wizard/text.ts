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

/** Word wrap to `width` columns; words longer than a line are cut. `indent` prefixes continuation lines too. */
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
      let rest = word;
      while ([...rest].length > room) {
        if (line) {
          out.push(indent + line);
          line = '';
        }
        out.push(indent + [...rest].slice(0, room).join(''));
        rest = [...rest].slice(room).join('');
      }
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

export const lines = (texts: string[], tone?: Tone, bold?: boolean): Line[] =>
  texts.map((text) => ({ text, ...(tone ? { tone } : {}), ...(bold ? { bold } : {}) }));

export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || width <= 0) return '';
  const n = Math.round((value / max) * width);
  return '█'.repeat(Math.max(value > 0 ? 1 : 0, n));
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
