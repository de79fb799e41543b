import { describe, expect, it } from 'vitest';
import { sortedClone } from './sorted-clone.js';

describe('sortedClone', () => {
  it('copies with keys sorted at every level, arrays in their order, nothing shared', () => {
    const source = { name: 'gpu', limits: { 'nvidia.com/gpu': '4', cpu: '64' }, taints: [{ key: 'nvidia.com/gpu', effect: 'NoSchedule' }], weight: null };
    const copy = sortedClone(source);
    expect(copy).toEqual(source);
    expect(Object.keys(copy)).toEqual(['limits', 'name', 'taints', 'weight']);
    expect(Object.keys(copy.limits)).toEqual(['cpu', 'nvidia.com/gpu']);
    expect(Object.keys(copy.taints[0]!)).toEqual(['effect', 'key']);
    expect(copy.taints).not.toBe(source.taints);
    expect(copy.limits).not.toBe(source.limits);
  });
});
