import { describe, expect, it } from 'vitest';
import { mergePatch } from './merge-patch.js';

describe('mergePatch', () => {
  it('merges objects, removes keys patched to null and replaces lists whole', () => {
    const before = { spec: { type: 'LoadBalancer', ports: [{ port: 80 }, { port: 443 }], loadBalancerClass: 'x' }, keep: 1 };
    expect(mergePatch(before, { spec: { type: 'ClusterIP', loadBalancerClass: null, ports: [{ port: 443 }] } })).toEqual({
      spec: { type: 'ClusterIP', ports: [{ port: 443 }] },
      keep: 1,
    });
    expect(before.spec.type).toBe('LoadBalancer');
  });
});
