import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeNeuronPoolRule as rule } from './auto-mode-neuron-pool.js';

describe('auto-mode-neuron-pool', () => {
  it('requests a Neuron NodePool and the toleration for its taint', () => {
    const w = aWorkload({ name: 'infer', replicas: 2, containers: [{ name: 'm', resources: { limits: { 'aws.amazon.com/neuron': '1' } } }] });
    const findings = runRule(rule, aFargateInventory([w]), { target: 'auto-mode' });
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
    expect(runRule(rule, aFargateInventory([aWorkload()]), { target: 'auto-mode' })).toEqual([]);
  });
});
