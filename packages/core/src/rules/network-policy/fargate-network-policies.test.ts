import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNetworkPolicy } from '../../testing/kube-objects.js';
import { fargateNetworkPoliciesRule } from './fargate-network-policies.js';

describe('fargate-network-policies', () => {
  it('is a change to decide for each policy in a namespace whose workloads move', () => {
    const [f] = runRule(fargateNetworkPoliciesRule, anAutoModeInventory([aWorkload()], { networkPolicies: [aNetworkPolicy('deny-all')] }), {
      target: 'fargate',
    });
    expect(f).toMatchObject({
      id: 'fargate-network-policies:NetworkPolicy/shop/deny-all',
      severity: 'change',
      capability: 'network-policy',
      action: { type: 'review' },
    });
    expect(f?.message).toContain('cannot be applied to Fargate pods');
  });

  it('passes policies in namespaces where nothing moves', () => {
    expect(
      runRule(fargateNetworkPoliciesRule, anAutoModeInventory([aWorkload()], { networkPolicies: [aNetworkPolicy('deny-all', { namespace: 'other' })] }), {
        target: 'fargate',
      }),
    ).toEqual([]);
  });
});
