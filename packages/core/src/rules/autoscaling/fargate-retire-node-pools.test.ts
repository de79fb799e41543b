import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodePool } from '../../testing/kube-objects.js';
import { fargateRetireNodePoolsRule } from './fargate-retire-node-pools.js';

const gpuPool = aNodePool('gpu', { requirements: [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['g5'] }] });
const gpu = aWorkload({ name: 'infer', containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '1' } } }] });

describe('fargate-retire-node-pools', () => {
  it('retires custom Auto Mode NodePools and names what still runs on one', () => {
    const findings = runRule(fargateRetireNodePoolsRule, anAutoModeInventory([aWorkload(), gpu], { nodePools: [gpuPool, aNodePool('batch')] }), {
      target: 'fargate',
    });
    expect(findings.map((f) => [f.id, f.action])).toEqual([
      ['fargate-retire-node-pools:NodePool/batch', { type: 'decommission', task: { kind: 'retire-node-pools' } }],
      ['fargate-retire-node-pools:NodePool/gpu', { type: 'decommission', task: { kind: 'retire-node-pools' } }],
    ]);
    expect(findings[1]?.message).toContain('shop/infer');
  });

  it('passes self-managed Karpenter pools and the built-in pools a live cluster lists', () => {
    const pools = [aNodePool('karp', { group: 'karpenter.k8s.aws' }), aNodePool('general-purpose'), aNodePool('system')];
    expect(runRule(fargateRetireNodePoolsRule, anAutoModeInventory([aWorkload()], { nodePools: pools }), { target: 'fargate' })).toEqual([]);
  });
});
