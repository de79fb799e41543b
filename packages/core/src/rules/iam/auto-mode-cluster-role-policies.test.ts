import { describe, expect, it } from 'vitest';
import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import { aFargateInventory, anAutoModeCluster, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeClusterRolePoliciesRule as rule } from './auto-mode-cluster-role-policies.js';

describe('auto-mode-cluster-role-policies', () => {
  it('asks for the Auto Mode policies and sts:TagSession while Auto Mode is off', () => {
    const [finding, ...rest] = runRule(rule, aFargateInventory([aWorkload()]), { target: 'auto-mode' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'auto-mode-cluster-role-policies:cluster',
      severity: 'change',
      capability: 'iam',
      action: {
        type: 'prerequisite',
        task: {
          kind: 'cluster-role-policies',
          policies: ['AmazonEKSComputePolicy', 'AmazonEKSBlockStoragePolicy', 'AmazonEKSLoadBalancingPolicy', 'AmazonEKSNetworkingPolicy'],
        },
      },
    });
    // Every cluster role already has it: attaching it would make a rollback (or pulumi destroy) detach it.
    expect(AUTO_MODE_FACTS.clusterRolePolicies).toContain('AmazonEKSClusterPolicy');
    expect(finding?.message).toContain('beside the AmazonEKSClusterPolicy every cluster role has');
    expect(finding?.message).toContain('sts:TagSession');
    expect(finding?.message).toContain('arn:aws:iam::111122223333:role/demo-cluster');
    expect(finding?.remediation).toContain('AmazonEKSWorkerNodeMinimalPolicy');
  });

  it('says nothing once Auto Mode is enabled', () => {
    expect(runRule(rule, aFargateInventory([aWorkload()], { cluster: anAutoModeCluster() }), { target: 'auto-mode' })).toEqual([]);
  });
});
