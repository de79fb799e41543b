import { describe, expect, it } from 'vitest';
import { wrap } from './text.js';

describe('wrap', () => {
  it('gives a line that fits back as it is, indented', () => {
    expect(wrap('shop/cart: fargate → auto-mode (2 findings)', 80, '  ')).toEqual(['  shop/cart: fargate → auto-mode (2 findings)']);
    expect(wrap('', 80)).toEqual(['']);
  });

  it('tidies spacing the same way whether or not the text fits', () => {
    expect(wrap('a  b', 80)).toEqual(['a b']);
    expect(wrap(' a b ', 80)).toEqual(['a b']);
    expect(wrap('a\tb', 80)).toEqual(['a b']);
    expect(wrap('a\nb', 80, '> ')).toEqual(['> a', '> b']);
  });

  it('breaks longer text between words, and cuts a word longer than the line', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghijkl', 8)).toEqual(['abcdefgh', 'ijkl']);
  });
});
