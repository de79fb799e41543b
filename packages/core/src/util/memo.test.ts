import { describe, expect, it } from 'vitest';
import { remembered } from './memo.js';

describe('remembered', () => {
  it('makes an answer once per key and keeps null answers too', () => {
    const map = new WeakMap<object, string | null>();
    const a = {};
    const b = {};
    let made = 0;
    const ask = (key: object, answer: string | null) => remembered(map, key, () => (made++, answer));
    expect(ask(a, null)).toBeNull();
    expect(ask(a, 'other')).toBeNull();
    expect(ask(b, 'b')).toBe('b');
    expect(ask(b, 'other')).toBe('b');
    expect(made).toBe(2);
  });
});
