import { describe, expect, it } from 'vitest';
import { aWorkload } from '../../testing/builders.js';
import { aNetworkPolicy, planToFargate } from '../../testing/builders-fargate.js';
import { fargateNetworkPoliciesRule } from './fargate-network-policies.js';

describe('fargate-network-policies', () => {
  it('is advisory for each policy in a namespace whose workloads move', () => {
    const [f] = planToFargate([aWorkload()], [fargateNetworkPoliciesRule], { networkPolicies: [aNetworkPolicy('deny-all')] });
    expect(f).toMatchObject({ id: 'fargate-network-policies:NetworkPolicy/shop/deny-all', severity: 'advisory', capability: 'network-policy', action: { type: 'review' } });
    expect(f?.message).toContain('cannot be applied to Fargate pods');
  });

  it('passes policies in namespaces where nothing moves', () => {
    expect(planToFargate([aWorkload()], [fargateNetworkPoliciesRule], { networkPolicies: [aNetworkPolicy('deny-all', 'other')] })).toEqual([]);
  });
});
