import { describe, expect, it } from 'vitest';
import { aFargateInventory, aFargateProfile, aManagedNodesInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeCorednsRule as rule } from './auto-mode-coredns.js';

const coredns = aWorkload({ namespace: 'kube-system', name: 'coredns', podLabels: { 'k8s-app': 'kube-dns' } });

describe('auto-mode-coredns', () => {
  it('scales CoreDNS on Fargate to 0 as the last step', () => {
    const [finding, ...rest] = runRule(rule, aFargateInventory([coredns, aWorkload()]), { target: 'auto-mode' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'auto-mode-coredns:Deployment/kube-system/coredns',
      severity: 'change',
      capability: 'coredns',
      action: { type: 'decommission', task: { kind: 'scale-coredns-to-zero' } },
    });
    expect(finding?.remediation).toContain('very last step');
  });

  it('falls back to a cluster-level finding when a profile selects kube-system but CoreDNS is not in the inventory', () => {
    const inventory = aFargateInventory([aWorkload()], {
      fargateProfiles: [aFargateProfile('system', [{ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }])],
    });
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toMatchObject([{ id: 'auto-mode-coredns:cluster', resource: null }]);
  });

  it('says nothing when CoreDNS runs on EC2 nodes or no profile selects kube-system', () => {
    expect(runRule(rule, aManagedNodesInventory([coredns]), { target: 'auto-mode' })).toEqual([]);
    expect(runRule(rule, aFargateInventory([aWorkload()]), { target: 'auto-mode' })).toEqual([]);
  });
});
