import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { buildContext, runRules } from '../engine/run.js';
import { RULES } from '../engine/registry.js';
import { fargateNodeAffinityRule } from './fargate-node-affinity.js';

const notOnFargate = aWorkload({
  namespace: 'kube-system',
  name: 'aws-node-termination-handler',
  spec: {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'NotIn', values: ['fargate'] }] }],
        },
      },
    },
  },
});

describe('fargate-node-affinity', () => {
  it('keeps a workload that excludes Fargate nodes by name, rather than stripping its affinity and moving it', () => {
    const inventory = anAutoModeInventory([notOnFargate]);
    const [f] = runRule(fargateNodeAffinityRule, inventory, { target: 'fargate' });
    expect(f).toMatchObject({ severity: 'blocker', capability: 'scheduling', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.message).toContain('eks.amazonaws.com/compute-type NotIn [fargate]');
    const all = runRules(buildContext(inventory, { target: 'fargate' }), RULES);
    expect(all.filter((x) => x.rule === 'fargate-scheduling')).toEqual([]);
  });

  it('leaves pins on today’s platform to fargate-scheduling, which strips them', () => {
    const pinned = aWorkload({ spec: { nodeSelector: { 'eks.amazonaws.com/compute-type': 'auto' } } });
    expect(runRule(fargateNodeAffinityRule, anAutoModeInventory([pinned]), { target: 'fargate' })).toEqual([]);
  });
});
