import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargatePodAffinityRule } from './fargate-pod-affinity.js';

describe('fargate-pod-affinity', () => {
  it('is advisory about pod anti-affinity, which does not apply on Fargate', () => {
    const w = aWorkload({ name: 'cluster-agent', spec: { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } } } });
    const [f] = runRule(fargatePodAffinityRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'advisory', capability: 'scheduling', action: { type: 'review' } });
    expect(f?.message).toContain('podAntiAffinity');
  });

  it('passes node affinity alone', () => {
    const w = aWorkload({ spec: { affinity: { nodeAffinity: {} } } });
    expect(runRule(fargatePodAffinityRule, anAutoModeInventory([w]), { target: 'fargate' })).toEqual([]);
  });
});
