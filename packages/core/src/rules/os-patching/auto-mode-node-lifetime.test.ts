import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
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
});
