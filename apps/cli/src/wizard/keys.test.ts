import { describe, expect, it } from 'vitest';
import { editLine, keyEvents, moveIndex, type KeyEvent } from './keys.js';

const names = (events: KeyEvent[]) => events.map((e) => (e.name === 'char' ? e.ch : e.name));

describe('keys', () => {
  it('splits characters that arrived together, so "jj\\r" moves twice and opens (toolchain G5)', () => {
    expect(names(keyEvents('jj\r', {}))).toEqual(['j', 'j', 'enter']);
    expect(names(keyEvents('a\tb\u007f', {}))).toEqual(['a', 'tab', 'b', 'backspace']);
  });

  it('maps Ink key flags', () => {
    expect(names(keyEvents('', { downArrow: true }))).toEqual(['down']);
    expect(names(keyEvents('', { tab: true, shift: true }))).toEqual(['backtab']);
    expect(names(keyEvents('', { escape: true }))).toEqual(['escape']);
    expect(keyEvents('u', { ctrl: true })).toEqual([{ name: 'char', ch: 'u', ctrl: true }]);
  });

  it('edits one line of text', () => {
    const ev = (input: string, key = {}) => keyEvents(input, key)[0]!;
    expect(editLine('ab', ev('c'))).toEqual({ value: 'abc' });
    expect(editLine('ab', ev('', { backspace: true }))).toEqual({ value: 'a' });
    expect(editLine('ab', ev('u', { ctrl: true }))).toEqual({ value: '' });
    expect(editLine('ab', ev('\r'))).toEqual({ value: 'ab', done: 'submit' });
    expect(editLine('ab', ev('', { escape: true }))).toEqual({ value: 'ab', done: 'cancel' });
  });

  it('keeps a cursor inside its list', () => {
    expect(moveIndex(0, -1, 5)).toBe(0);
    expect(moveIndex(3, 10, 5)).toBe(4);
    expect(moveIndex(3, -Infinity, 5)).toBe(0);
    expect(moveIndex(0, 1, 0)).toBe(0);
  });
});
