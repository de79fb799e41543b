import { describe, expect, it } from 'vitest';
import { stableStringify, stableStringifyTo } from './stable-json.js';

/** The definition, written the slow and obvious way: keys sorted as strings at every level. */
function reference(value: unknown, pad = '', unit = '  '): string {
  if (value === null || value === undefined || typeof value !== 'object') return value === undefined ? 'null' : JSON.stringify(value);
  const nl = unit ? '\n' : '';
  const inner = pad + unit;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${nl}${value.map((v) => inner + reference(v, inner, unit)).join(`,${nl}`)}${nl}${pad}]`;
  }
  const object: Record<string, unknown> = value instanceof Map ? Object.fromEntries(value as Map<string, unknown>) : (value as Record<string, unknown>);
  const keys = Object.keys(object).filter((k) => object[k] !== undefined).sort();
  if (keys.length === 0) return '{}';
  const sep = unit ? ': ' : ':';
  return `{${nl}${keys.map((k) => `${inner}${JSON.stringify(k)}${sep}${reference(object[k], inner, unit)}`).join(`,${nl}`)}${nl}${pad}}`;
}

function chunked(value: unknown, indent: number, chunkSize: number): { text: string; chunks: string[] } {
  const chunks: string[] = [];
  stableStringifyTo(value, (c) => chunks.push(c), indent, chunkSize);
  return { text: chunks.join(''), chunks };
}

const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

const SAMPLES: unknown[] = [
  null,
  undefined,
  'text with "quotes", \\ and\nnewlines',
  42,
  [],
  {},
  [[]],
  { b: 1, a: { d: [3, undefined, null], c: 'x' }, skipped: undefined },
  // Integer-like keys: the engine would put "9" before "10"; sorted as strings, "10" comes first.
  { '10': 'ten', '9': 'nine', a: { '2': [1], '10': { '1': true } } },
  { map: new Map<string, unknown>([['z', 1], ['a', [1, 2]]]), date: new Date(0) },
  // Long arrays at depth, objects holding them, and small subtrees in between: the chunked writer's paths.
  { findings: many(40, (i) => ({ id: `r:${i}`, sources: many(i % 20, (j) => `s${j}`), action: { type: 'x', edits: [] } })), to: 'fargate' },
  many(20, (i) => ({ x: [[[i]]], 'a-b': { c: [1, 2], '0': i } })),
  { deep: { deeper: { items: many(17, (i) => ({ v: i, w: many(16, () => 'x') })) } } },
];

describe('stableStringify', () => {
  it.each([0, 2, 4])('sorts keys at every level and matches the definition (indent %i)', (indent) => {
    const unit = ' '.repeat(indent);
    for (const value of SAMPLES) expect(stableStringify(value, indent)).toBe(reference(value, '', unit));
  });

  it('does not change the value it writes', () => {
    const value = { b: [{ d: 1, c: 2 }], a: 1 };
    const before = JSON.stringify(value);
    stableStringify(value);
    expect(JSON.stringify(value)).toBe(before);
    expect(Object.keys(value)).toEqual(['b', 'a']);
  });
});

describe('stableStringifyTo', () => {
  it.each([0, 2, 4])('writes the same text as stableStringify, whatever the chunk size (indent %i)', (indent) => {
    for (const value of SAMPLES) {
      for (const size of [1, 7, 1 << 15]) expect(chunked(value, indent, size).text).toBe(stableStringify(value, indent));
    }
  });

  it('hands out pieces of about the chunk size, not the whole text at once', () => {
    const value = { items: many(2000, (i) => ({ name: `item-${i}`, tags: ['a', 'b'] })) };
    const { text, chunks } = chunked(value, 2, 4096);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(4096 + 200);
    expect(JSON.parse(text)).toEqual(value);
  });
});
