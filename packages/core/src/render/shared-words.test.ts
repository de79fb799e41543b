import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedText, sharedWords } from './shared-words.js';

/** The meaning sharedWords keeps: texts split into words and compared word by word. */
function byWords(texts: readonly string[]) {
  const words = texts.map((t) => t.split(' '));
  let shortest = Infinity;
  for (const w of words) shortest = Math.min(shortest, w.length);
  const first = words[0]!;
  let head = 0;
  while (head < shortest && words.every((m) => m[head] === first[head])) head += 1;
  let tail = 0;
  while (tail < shortest - head && words.every((m) => m[m.length - 1 - tail] === first[first.length - 1 - tail])) tail += 1;
  return {
    head,
    tail,
    start: first.slice(0, head).join(' '),
    end: tail > 0 ? first.slice(-tail).join(' ') : '',
    parts: words.map((w) => w.slice(head, w.length - tail).join(' ')),
  };
}

describe('sharedWords', () => {
  it('finds the words every text starts and ends with', () => {
    expect(sharedText(['Create Fargate profile a now', 'Create Fargate profile b now'])).toEqual({ shared: 'Create Fargate profile … now', parts: ['a', 'b'] });
    expect(sharedWords(['CronJob shop/a runs', 'CronJob shop/ab runs'])).toEqual({
      head: 1,
      tail: 1,
      start: 'CronJob',
      end: 'runs',
      parts: ['shop/a', 'shop/ab'],
    });
  });

  it('gives what comparing word by word gives, for any texts (empty words, prefixes, repeats)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', ' ', 'ab'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => {
        expect(sharedWords(texts)).toEqual(byWords(texts));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('takes one rule’s findings of a very large estate (more texts than a call can take as arguments)', () => {
    const texts = Array.from({ length: 200_000 }, (_, i) => `CronJob shop/job-${i} runs on Fargate`);
    const shared = sharedWords(texts);
    expect([shared.head, shared.tail, shared.parts[7]]).toEqual([1, 3, 'shop/job-7']);
  });
});
