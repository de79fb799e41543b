import { describe, expect, it } from 'vitest';
import { assertNever } from './never.js';

type Shape = { kind: 'circle' } | { kind: 'square' };

function sides(shape: Shape): number {
  switch (shape.kind) {
    case 'circle':
      return 0;
    case 'square':
      return 4;
    default:
      return assertNever(shape, 'shape');
  }
}

describe('assertNever', () => {
  it('is never reached while every kind has a case', () => {
    expect(sides({ kind: 'square' })).toBe(4);
  });

  it('names the value it did not expect when data escapes the types', () => {
    expect(() => sides({ kind: 'triangle' } as unknown as Shape)).toThrow('modeshift: unhandled shape: {"kind":"triangle"}');
  });
});
