import { describe, expect, it } from 'vitest';
import type { Inventory, Workload } from '../../inventory/types.js';
import { aCluster, anInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeNeuronPoolRule as rule } from './auto-mode-neuron-pool.js';

// On EC2 capacity the inventory does not show (assumed self-managed Karpenter): they move to Auto Mode, and
// there is no NodePool of theirs to re-create, so they need pools of their own.
const onUnseenEc2 = (workloads: Workload[], parts: Partial<Inventory> = {}) => anInventory({ cluster: aCluster(), workloads, ...parts });

describe('auto-mode-neuron-pool', () => {
  it('requests a Neuron NodePool and the toleration for its taint', () => {
    const w = aWorkload({ name: 'infer', replicas: 2, containers: [{ name: 'm', resources: { limits: { 'aws.amazon.com/neuron': '1' } } }] });
    const findings = runRule(rule, onUnseenEc2([w]), { target: 'auto-mode' });
    expect(findings.map((f) => [f.severity, f.action.type])).toEqual([
      ['change', 'workload'],
      ['gain', 'capacity'],
    ]);
    expect(findings[1]).toMatchObject({
      capability: 'neuron',
      action: {
        request: {
          name: 'neuron',
          purpose: 'neuron',
          limits: { 'aws.amazon.com/neuron': '2' },
          taints: [{ key: 'aws.amazon.com/neuron', effect: 'NoSchedule' }],
        },
      },
    });
  });

  it('passes workloads without Neuron devices', () => {
    expect(runRule(rule, onUnseenEc2([aWorkload()]), { target: 'auto-mode' })).toEqual([]);
  });
});
