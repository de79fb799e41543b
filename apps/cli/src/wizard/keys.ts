import type { Key } from 'ink';

export type KeyName = 'char' | 'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'home' | 'end' | 'enter' | 'escape' | 'tab' | 'backtab' | 'backspace';

/** One key, whatever way it reached us; `ch` is the character for `char`. */
export interface KeyEvent {
  name: KeyName;
  ch: string;
  ctrl: boolean;
}

const named = (name: KeyName): KeyEvent => ({ name, ch: '', ctrl: false });

/**
 * Ink's key report as a list of keys. Ink splits escape sequences but hands several typed characters over as
 * one string (a paste, fast typing, tmux `send-keys j j Enter`), with none of the key flags set; each
 * character is a key of its own here, so "jj\r" moves twice and then opens.
 */
export function keyEvents(input: string, key: Partial<Key>): KeyEvent[] {
  if (key.upArrow) return [named('up')];
  if (key.downArrow) return [named('down')];
  if (key.leftArrow) return [named('left')];
  if (key.rightArrow) return [named('right')];
  if (key.pageUp) return [named('pageup')];
  if (key.pageDown) return [named('pagedown')];
  if (key.home) return [named('home')];
  if (key.end) return [named('end')];
  if (key.return) return [named('enter')];
  if (key.tab) return [named(key.shift ? 'backtab' : 'tab')];
  if (key.backspace || key.delete) return [named('backspace')];
  if (key.escape && input === '') return [named('escape')];
  if (key.ctrl) return input ? [{ name: 'char', ch: input.toLowerCase(), ctrl: true }] : [];
  const out: KeyEvent[] = [];
  for (const ch of input) {
    if (ch === '\r' || ch === '\n') out.push(named('enter'));
    else if (ch === '\t') out.push(named('tab'));
    else if (ch === '\u007f' || ch === '\b') out.push(named('backspace'));
    else if (ch === '\u001b') out.push(named('escape'));
    else if (ch >= ' ') out.push({ name: 'char', ch, ctrl: false });
  }
  return out;
}

export const isChar = (ev: KeyEvent, ...chars: string[]): boolean => ev.name === 'char' && !ev.ctrl && chars.includes(ev.ch);
export const isUp = (ev: KeyEvent): boolean => ev.name === 'up' || isChar(ev, 'k');
export const isDown = (ev: KeyEvent): boolean => ev.name === 'down' || isChar(ev, 'j');
export const isBack = (ev: KeyEvent): boolean => ev.name === 'escape' || ev.name === 'left' || isChar(ev, 'b');
export const isOpen = (ev: KeyEvent): boolean => ev.name === 'enter' || ev.name === 'right';

/** How far a list or a text view moves for a key, or null when the key does not move it. */
export function movement(ev: KeyEvent, page: number): number | null {
  if (isUp(ev)) return -1;
  if (isDown(ev)) return 1;
  if (ev.name === 'pageup') return -Math.max(1, page);
  if (ev.name === 'pagedown' || isChar(ev, ' ')) return Math.max(1, page);
  if (ev.name === 'home' || isChar(ev, 'g')) return -Infinity;
  if (ev.name === 'end' || isChar(ev, 'G')) return Infinity;
  return null;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** Moves an index within [0, count). */
export function moveIndex(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  if (delta === -Infinity) return 0;
  if (delta === Infinity) return count - 1;
  return clamp(index + delta, 0, count - 1);
}

export type LineEdit = { value: string; done?: 'submit' | 'cancel' };

/** A one-line text field: type, backspace, ctrl+u clears, Enter submits, Esc cancels. Tab is left to the caller. */
export function editLine(value: string, ev: KeyEvent): LineEdit {
  if (ev.name === 'enter') return { value, done: 'submit' };
  if (ev.name === 'escape') return { value, done: 'cancel' };
  if (ev.name === 'backspace') return { value: [...value].slice(0, -1).join('') };
  if (ev.name === 'char' && ev.ctrl && ev.ch === 'u') return { value: '' };
  if (ev.name === 'char' && ev.ctrl && ev.ch === 'w') return { value: value.replace(/[^\s/]*[\s/]?$/, '') };
  if (ev.name === 'char' && !ev.ctrl) return { value: value + ev.ch };
  return { value };
}

/** Moves a scroll offset within [0, max]. */
export function scrollBy(offset: number, delta: number, max: number): number {
  if (delta === -Infinity) return 0;
  if (delta === Infinity) return max;
  return clamp(offset + delta, 0, max);
}
