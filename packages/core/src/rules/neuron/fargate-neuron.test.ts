import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { fargateNeuronRule } from './fargate-neuron.js';

describe('fargate-neuron', () => {
  it('keeps a pod that requests Neuron devices on Auto Mode', () => {
    const w = aWorkload({ name: 'inf', containers: [{ name: 'm', resources: { limits: { 'aws.amazon.com/neuron': '1' } } }] });
    const [f] = runRule(fargateNeuronRule, anAutoModeInventory([w]), { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'blocker', capability: 'neuron', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.remediation).toContain('inf or trn');
  });

  it('recognises an Inferentia instance-family selector', () => {
    const w = aWorkload({ spec: { nodeSelector: { 'eks.amazonaws.com/instance-family': 'inf2' } } });
    expect(runRule(fargateNeuronRule, anAutoModeInventory([w]), { target: 'fargate' })).toHaveLength(1);
  });

  it('passes pods without Neuron needs', () => {
    expect(
      runRule(fargateNeuronRule, anAutoModeInventory([aWorkload({ spec: { nodeSelector: { 'eks.amazonaws.com/instance-family': 'm7i' } } })]), {
        target: 'fargate',
      }),
    ).toEqual([]);
  });
});
