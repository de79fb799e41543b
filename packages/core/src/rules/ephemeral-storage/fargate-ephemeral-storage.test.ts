import { describe, expect, it } from 'vitest';
import { aWorkload } from '../../testing/builders.js';
import { aContainer, planToFargate } from '../../testing/builders-fargate.js';
import { fargateEphemeralStorageRule } from './fargate-ephemeral-storage.js';

describe('fargate-ephemeral-storage', () => {
  it('blocks a pod that requests more than 175 GiB of ephemeral storage', () => {
    const w = aWorkload({ name: 'scratch', containers: [aContainer('a', { cpu: '1', memory: '2Gi', 'ephemeral-storage': '120Gi' }), aContainer('b', undefined, { 'ephemeral-storage': '60Gi' })] });
    const [f] = planToFargate([w], [fargateEphemeralStorageRule]);
    expect(f).toMatchObject({ severity: 'blocker', capability: 'ephemeral-storage', action: { type: 'stay' } });
    expect(f?.message).toContain('180Gi');
  });

  it('passes 175 GiB and less', () => {
    const w = aWorkload({ containers: [aContainer('a', { cpu: '1', memory: '2Gi', 'ephemeral-storage': '175Gi' })] });
    expect(planToFargate([w, aWorkload({ name: 'plain' })], [fargateEphemeralStorageRule])).toEqual([]);
  });
});
