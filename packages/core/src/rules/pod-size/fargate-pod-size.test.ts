import { describe, expect, it } from 'vitest';
import { aContainer, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargatePodSizeRule } from './fargate-pod-size.js';

describe('fargate-pod-size', () => {
  it('blocks a pod larger than 16 vCPU / 120 GB and says what it asks for', () => {
    const w = aWorkload({
      name: 'big',
      containers: [aContainer('a', { requests: { cpu: '12', memory: '64Gi' } }), aContainer('b', { requests: { cpu: '8', memory: '8Gi' } })],
    });
    const [f] = runRule(fargatePodSizeRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'blocker', capability: 'pod-size', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.message).toContain('20 CPU / 72Gi memory');
    expect(f?.message).toContain('16 vCPU / 120 GB');
  });

  it('counts the 256 MB overhead: 120 GiB of requests no longer fits', () => {
    expect(
      runRule(fargatePodSizeRule, anAutoModeInventory([aWorkload({ containers: [aContainer('a', { requests: { cpu: '16', memory: '120Gi' } })] })]), {
        target: 'fargate',
      }),
    ).toHaveLength(1);
  });

  it('passes pods that fit, including the largest size', () => {
    const largest = aWorkload({ name: 'largest', containers: [aContainer('a', { requests: { cpu: '16', memory: '119Gi' } })] });
    expect(runRule(fargatePodSizeRule, anAutoModeInventory([aWorkload(), largest]), { target: 'fargate' })).toEqual([]);
  });
});
