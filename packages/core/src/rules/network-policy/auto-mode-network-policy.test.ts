import { describe, expect, it } from 'vitest';
import { aFargateInventory, aKarpenterInventory, aManagedNodesInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aConfigMap, aNetworkPolicy } from '../../testing/kube-objects.js';
import { autoModeNetworkPolicyRule as rule } from './auto-mode-network-policy.js';

describe('auto-mode-network-policy', () => {
  it('asks to review a policy Fargate never enforced before its namespace moves', () => {
    const inventory = aFargateInventory([aWorkload()], { networkPolicies: [aNetworkPolicy('deny-all')] });
    const [finding, ...rest] = runRule(rule, inventory, { target: 'auto-mode' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'auto-mode-network-policy:NetworkPolicy/shop/deny-all',
      severity: 'change',
      capability: 'network-policy',
      action: { type: 'review' },
    });
    expect(finding?.message).toContain('never enforced');
    expect(finding?.remediation).toContain('amazon-vpc-cni');
    expect(finding?.remediation).toContain('will not enforce this policy until it is switched on');
    expect(finding?.remediation).toContain('networkPolicy');
  });

  it('says when the controller is already on', () => {
    const inventory = aFargateInventory([aWorkload()], {
      networkPolicies: [aNetworkPolicy('deny-all')],
      configMaps: [aConfigMap('amazon-vpc-cni', { 'enable-network-policy-controller': 'true' }, { namespace: 'kube-system' })],
    });
    expect(runRule(rule, inventory, { target: 'auto-mode' })[0]?.remediation).toContain('already enabled');
  });

  it('says a policy will not be enforced while the inventory shows the controller off', () => {
    const inventory = aFargateInventory([aWorkload()], {
      networkPolicies: [aNetworkPolicy('deny-all')],
      configMaps: [aConfigMap('amazon-vpc-cni', { 'enable-network-policy-controller': 'false' }, { namespace: 'kube-system' })],
    });
    const remediation = runRule(rule, inventory, { target: 'auto-mode' })[0]?.remediation;
    expect(remediation).toContain('holds enable-network-policy-controller: "false"');
    expect(remediation).toContain('will not enforce this policy until it is switched on');
  });

  it('ignores namespaces where nothing moves', () => {
    const inventory = aFargateInventory([aWorkload()], { networkPolicies: [aNetworkPolicy('deny-all', { namespace: 'other' })] });
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toEqual([]);
  });

  it('is only an advisory for workloads moving from EC2 nodes (self-managed Karpenter)', () => {
    const inventory = aKarpenterInventory([aWorkload()], { networkPolicies: [aNetworkPolicy('deny-all')] });
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toMatchObject([{ severity: 'advisory' }]);
  });

  it('says nothing for workloads that stay on a managed node group', () => {
    const inventory = aManagedNodesInventory([aWorkload()], { networkPolicies: [aNetworkPolicy('deny-all')] });
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toEqual([]);
  });
});
