import { describe, expect, it } from 'vitest';
import { aCluster, aFargateInventory, aManagedNodesInventory, anInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aPodDisruptionBudget } from '../../testing/kube-objects.js';
import { autoModeNodeLifetimeRule as rule } from './auto-mode-node-lifetime.js';

describe('auto-mode-node-lifetime', () => {
  it('warns about workloads without a PodDisruptionBudget', () => {
    const [finding, ...rest] = runRule(rule, aFargateInventory([aWorkload({ name: 'web', replicas: 1 })]), { target: 'auto-mode' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'auto-mode-node-lifetime:Deployment/shop/web',
      severity: 'advisory',
      capability: 'os-patching',
      action: { type: 'review' },
    });
    expect(finding?.message).toContain('after 14 days by default (NodePool `expireAfter: 336h`), at most 21');
    expect(finding?.remediation).toContain('at least 2 replicas');
  });

  it('says a bare Pod is not recreated', () => {
    const [finding] = runRule(rule, aFargateInventory([aWorkload({ kind: 'Pod', name: 'tool' })]), { target: 'auto-mode' });
    expect(finding?.message).toContain('not recreated');
  });

  it('passes workloads with a PDB, and kinds without replicas', () => {
    const inventory = aFargateInventory([aWorkload({ name: 'web' }), aWorkload({ kind: 'Job', name: 'migrate' })], {
      podDisruptionBudgets: [aPodDisruptionBudget('web', { app: 'web' })],
    });
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toEqual([]);
  });

  it('says nothing about workloads that stay where they run: on a managed node group, or on a Karpenter NodePool it cannot re-create', () => {
    const web = aWorkload({ name: 'web', replicas: 1 });
    expect(runRule(rule, aManagedNodesInventory([web]), { target: 'auto-mode' })).toEqual([]);
    // Spot with no NodePool in the inventory: assumed on a self-managed Karpenter pool, which stays (auto-mode-karpenter).
    const spot = aWorkload({ name: 'spot', replicas: 1, spec: { nodeSelector: { 'karpenter.sh/capacity-type': 'spot' } } });
    expect(runRule(rule, anInventory({ cluster: aCluster(), workloads: [spot] }), { target: 'auto-mode' })).toEqual([]);
  });
});
