import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload } from '../../testing/builders.js';
import { aConfigMap, aManagedNodesInventory, aNetworkPolicy, autoModeFindings } from '../../testing/builders-auto-mode.js';
import { autoModeNetworkPolicyRule as rule } from './auto-mode-network-policy.js';

describe('auto-mode-network-policy', () => {
  it('asks to review a policy Fargate never enforced before its namespace moves', () => {
    const inventory = aFargateInventory([aWorkload()], { networkPolicies: [aNetworkPolicy('deny-all')] });
    const [finding, ...rest] = autoModeFindings(rule, inventory);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'auto-mode-network-policy:NetworkPolicy/shop/deny-all',
      severity: 'change',
      capability: 'network-policy',
      action: { type: 'review' },
    });
    expect(finding?.message).toContain('never enforced');
    expect(finding?.remediation).toContain('amazon-vpc-cni');
    expect(finding?.remediation).toContain('enable-network-policy-controller: "true"');
    expect(finding?.remediation).toContain('networkPolicy');
  });

  it('says when the controller is already on', () => {
    const inventory = aFargateInventory([aWorkload()], {
      networkPolicies: [aNetworkPolicy('deny-all')],
      configMaps: [aConfigMap('kube-system', 'amazon-vpc-cni', { 'enable-network-policy-controller': 'true' })],
    });
    expect(autoModeFindings(rule, inventory)[0]?.remediation).toContain('already enabled');
  });

  it('ignores namespaces where nothing moves', () => {
    const inventory = aFargateInventory([aWorkload()], { networkPolicies: [aNetworkPolicy('deny-all', 'other')] });
    expect(autoModeFindings(rule, inventory)).toEqual([]);
  });

  it('is only an advisory for workloads moving from EC2 nodes', () => {
    const inventory = aManagedNodesInventory([aWorkload()], { networkPolicies: [aNetworkPolicy('deny-all')] });
    expect(autoModeFindings(rule, inventory)).toMatchObject([{ severity: 'advisory' }]);
  });
});
