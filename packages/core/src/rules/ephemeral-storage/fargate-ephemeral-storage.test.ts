import { describe, expect, it } from 'vitest';
import { aContainer, anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargateEphemeralStorageRule } from './fargate-ephemeral-storage.js';

describe('fargate-ephemeral-storage', () => {
  it('blocks a pod that requests more than 175 GiB of ephemeral storage', () => {
    const w = aWorkload({
      name: 'scratch',
      containers: [
        aContainer('a', { requests: { cpu: '1', memory: '2Gi', 'ephemeral-storage': '120Gi' } }),
        aContainer('b', { limits: { 'ephemeral-storage': '60Gi' } }),
      ],
    });
    const [f] = runRule(fargateEphemeralStorageRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'blocker', capability: 'ephemeral-storage', action: { type: 'stay' } });
    expect(f?.message).toContain('180Gi');
  });

  it('passes 175 GiB and less', () => {
    const w = aWorkload({ containers: [aContainer('a', { requests: { cpu: '1', memory: '2Gi', 'ephemeral-storage': '175Gi' } })] });
    expect(runRule(fargateEphemeralStorageRule, anAutoModeInventory([w, aWorkload({ name: 'plain' })]), { target: 'fargate' })).toEqual([]);
  });
});
