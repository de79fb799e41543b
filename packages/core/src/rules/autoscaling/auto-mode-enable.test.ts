import { describe, expect, it } from 'vitest';
import { aFargateInventory, anAutoModeCluster, aWorkload, runRule } from '../../testing/builders.js';
import { anObject } from '../../testing/kube-objects.js';
import type { NodePoolSpec } from '../../kube.js';
import { autoModeEnableRule as rule } from './auto-mode-enable.js';

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
});
