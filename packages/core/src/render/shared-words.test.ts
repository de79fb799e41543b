import { describe, expect, it } from 'vitest';
import { sharedEnds, sharedText } from './shared-words.js';

describe('sharedEnds', () => {
  it('finds the words every text starts and ends with', () => {
    expect(sharedText(['Create Fargate profile a now', 'Create Fargate profile b now'])).toEqual({ shared: 'Create Fargate profile … now', parts: ['a', 'b'] });
  });

  it('takes one rule’s findings of a very large estate (more texts than a call can take as arguments)', () => {
    const texts = Array.from({ length: 200_000 }, (_, i) => ['CronJob', `shop/job-${i}`, 'runs', 'on', 'Fargate']);
    expect(sharedEnds(texts)).toEqual({ head: 1, tail: 3 });
  });
});
