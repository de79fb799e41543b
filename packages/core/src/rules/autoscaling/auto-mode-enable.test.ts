import { describe, expect, it } from 'vitest';
import { aFargateInventory, anAutoModeCluster, aWorkload, runRule } from '../../testing/builders.js';
import { anObject } from '../../testing/kube-objects.js';
import type { NodePoolSpec } from '../../kube.js';
import { autoModeEnableRule as rule } from './auto-mode-enable.js';
import { aKarpenterCluster, karpenterController, webOnKarpenter } from '../../testing/karpenter.js';

describe('auto-mode-enable', () => {
  it('asks once, cluster-wide, to enable Auto Mode', () => {
    const inventory = aFargateInventory([aWorkload({ name: 'a' }), aWorkload({ name: 'b' })]);
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toMatchObject([
      {
        id: 'auto-mode-enable:cluster',
        severity: 'change',
        capability: 'autoscaling',
        resource: null,
        action: { type: 'prerequisite', task: { kind: 'enable-auto-mode' } },
      },
    ]);
  });

  it('says nothing when Auto Mode is already enabled', () => {
    expect(runRule(rule, aFargateInventory([aWorkload()], { cluster: anAutoModeCluster() }), { target: 'auto-mode' })).toEqual([]);
  });

  it('infers Auto Mode from its NodePools when there is no cluster description', () => {
    const pool = anObject<NodePoolSpec>('NodePool', 'custom', {
      template: { spec: { nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: 'default' } } },
    });
    expect(runRule(rule, aFargateInventory([aWorkload()], { cluster: null, nodePools: [pool] }), { target: 'auto-mode' })).toEqual([]);
  });

  it('assumes Auto Mode is off without any evidence, and says so', () => {
    const [finding] = runRule(rule, aFargateInventory([aWorkload()], { cluster: null }), { target: 'auto-mode' });
    expect(finding?.message).toContain('no cluster description');
  });

  it('leaves general-purpose off while self-managed Karpenter runs, unless a workload that moves may need it', () => {
    const task = (inventory: Parameters<typeof aKarpenterCluster>[1]) =>
      runRule(rule, aKarpenterCluster(undefined, inventory), { target: 'auto-mode' })[0]?.action;
    expect(task({})).toEqual({ type: 'prerequisite', task: { kind: 'enable-auto-mode', nodePools: ['system'] } });
    // A pool the inventory does not show is not re-created: its workload goes to the built-in pools.
    const batch = aWorkload({ namespace: 'batch', name: 'etl', spec: { nodeSelector: { 'karpenter.sh/nodepool': 'batch' } } });
    expect(task({ workloads: [karpenterController, webOnKarpenter, batch] })).toEqual({ type: 'prerequisite', task: { kind: 'enable-auto-mode' } });
  });
});
