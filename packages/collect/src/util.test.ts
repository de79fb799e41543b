import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, retryPolicy, sleep } from './util/backoff.js';
import { Limiter, mapLimited } from './util/limiter.js';

describe('Limiter', () => {
  it('never runs more than its bound at once, and keeps result order', async () => {
    const limiter = new Limiter(2);
    let active = 0;
    let peak = 0;
    const results = await mapLimited(limiter, [30, 10, 20, 5, 15], async (ms) => {
      active++;
      peak = Math.max(peak, active);
      await sleep(ms);
      active--;
      return ms;
    });
    expect(results).toEqual([30, 10, 20, 5, 15]);
    expect(peak).toBe(2);
  });

  it('rejects a bound that is not a positive integer', () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter, within the cap', () => {
    const policy = retryPolicy(100);
    for (let retry = 1; retry <= 6; retry++) {
      const delay = backoffDelay(retry, policy);
      const ceiling = Math.min(100 * 2 ** (retry - 1), policy.maxDelayMs);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });

  it('honours Retry-After, capped', () => {
    const policy = retryPolicy(100);
    expect(backoffDelay(1, policy, 2)).toBe(2_000);
    expect(backoffDelay(1, policy, 3_600)).toBe(policy.maxDelayMs);
    expect(parseRetryAfter('1')).toBe(1);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('stops sleeping when aborted', async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});
