import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodePool } from '../../testing/kube-objects.js';
import { fargateSpotRule } from './fargate-spot.js';

const spotPool = aNodePool('spot', {
  requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }],
  taints: [{ key: 'spot', value: 'true', effect: 'NoSchedule' }],
});

describe('fargate-spot', () => {
  it('strips the Spot selector and tolerations and says the pod runs on-demand', () => {
    const w = aWorkload({
      name: 'game',
      spec: { nodeSelector: { 'karpenter.sh/capacity-type': 'spot' }, tolerations: [{ key: 'spot', value: 'true', effect: 'NoSchedule' }] },
    });
    const [f] = runRule(fargateSpotRule, anAutoModeInventory([w], { nodePools: [spotPool] }), { target: 'fargate' });
    expect(f).toMatchObject({
      severity: 'change',
      capability: 'spot',
      action: {
        type: 'workload',
        edits: [
          { op: 'remove-node-selector', key: 'karpenter.sh/capacity-type' },
          { op: 'remove-tolerations', keys: ['spot'] },
        ],
      },
    });
    expect(f?.message).toContain("doesn't support Fargate Spot");
  });

  it('removes node affinity that prefers Spot', () => {
    const w = aWorkload({
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 1, preference: { matchExpressions: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }] } },
            ],
          },
        },
      },
    });
    expect(runRule(fargateSpotRule, anAutoModeInventory([w]), { target: 'fargate' })[0]?.action).toEqual({
      type: 'workload',
      edits: [{ op: 'remove-node-affinity' }],
    });
  });

  it('passes on-demand workloads', () => {
    expect(
      runRule(fargateSpotRule, anAutoModeInventory([aWorkload({ spec: { nodeSelector: { 'karpenter.sh/capacity-type': 'on-demand' } } })]), {
        target: 'fargate',
      }),
    ).toEqual([]);
  });
});
