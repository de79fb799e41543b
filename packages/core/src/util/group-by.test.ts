import { describe, expect, it } from 'vitest';
import { groupInOrder } from './group-by.js';

describe('groupInOrder', () => {
  it('keeps the keys in the order they first appear, and each key’s items in theirs', () => {
    const groups = groupInOrder(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s.charAt(0));
    expect([...groups]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });
});
