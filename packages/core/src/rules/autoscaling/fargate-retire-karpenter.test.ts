import { describe, expect, it } from 'vitest';
import { aWorkload, runRule } from '../../testing/builders.js';
import { aKarpenterCluster, karpenterController } from '../../testing/karpenter.js';
import { fargateRetireKarpenterRule as rule } from './fargate-retire-karpenter.js';

describe('fargate-retire-karpenter', () => {
  it('retires the Karpenter NodePools, their EC2NodeClasses and the controller once workloads move to Fargate', () => {
    const findings = runRule(rule, aKarpenterCluster(), { target: 'fargate' });
    expect(findings.map((f) => [f.id, f.action])).toEqual([
      [`fargate-retire-karpenter:${karpenterController.key}`, { type: 'decommission', task: { kind: 'retire-karpenter' } }],
      ['fargate-retire-karpenter:EC2NodeClass/default', { type: 'decommission', task: { kind: 'retire-karpenter' } }],
      ['fargate-retire-karpenter:NodePool/spot', { type: 'decommission', task: { kind: 'retire-karpenter' } }],
    ]);
  });

  it('says nothing when nothing moves', () => {
    expect(runRule(rule, aKarpenterCluster([]), { target: 'fargate' })).toEqual([]);
    expect(runRule(rule, aKarpenterCluster([aWorkload()], { nodePools: [], nodeClasses: [], workloads: [] }), { target: 'fargate' })).toEqual([]);
  });
});
