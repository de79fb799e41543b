import { describe, expect, it } from 'vitest';
import { computePlacement } from '../../placement/place.js';
import { aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
import { buildContext, resourceKey, runRules } from '../engine/run.js';
import { RULES } from '../engine/registry.js';
import { autoModeNodeAffinityRule } from './auto-mode-node-affinity.js';

// The Karpenter chart's controller: kept off the nodes Karpenter makes, run on Fargate beside them.
const karpenter = aWorkload({
  namespace: 'kube-system',
  name: 'karpenter',
  spec: {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'karpenter.sh/nodepool', operator: 'DoesNotExist' }] }],
        },
      },
    },
  },
});

describe('auto-mode-node-affinity', () => {
  it('places nowhere on Auto Mode a pod whose required affinity excludes every NodePool node', () => {
    const target = computePlacement(aFargateInventory([karpenter]), 'auto-mode').workloads.get(karpenter.key)?.target;
    expect(target).toEqual({ type: 'pending', reason: 'its required node affinity (karpenter.sh/nodepool DoesNotExist) excludes every Auto Mode node' });
  });

  it('keeps the Karpenter controller on Fargate and plans no move for it', () => {
    const inventory = aFargateInventory([karpenter, aWorkload({ name: 'web' })]);
    const [f] = runRule(autoModeNodeAffinityRule, inventory, { target: 'auto-mode' });
    expect(f).toMatchObject({ severity: 'blocker', action: { type: 'stay', on: 'fargate' } });
    expect(f?.message).toContain('karpenter.sh/nodepool DoesNotExist');
    const all = runRules(buildContext(inventory, { target: 'auto-mode' }), RULES);
    const aboutKarpenter = all.filter((x) => x.resource && resourceKey(x.resource) === karpenter.key);
    expect(aboutKarpenter.map((x) => x.rule)).toEqual(['auto-mode-node-affinity']);
    expect(all.some((x) => x.rule === 'auto-mode-compute-type-annotation' && x.message.includes('shop/web'))).toBe(true);
  });

  it('reads terms as alternatives: one term Auto Mode can satisfy is enough', () => {
    const either = aWorkload({
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'NotIn', values: ['auto'] }] },
                { matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }] },
              ],
            },
          },
        },
      },
    });
    expect(runRule(autoModeNodeAffinityRule, aFargateInventory([either]), { target: 'auto-mode' })).toEqual([]);
  });

  it('raises nothing for aws-node and kube-proxy, whose affinity keeps them off Auto Mode nodes because Auto Mode replaces them', () => {
    const offAuto = {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'NotIn', values: ['fargate', 'hybrid', 'auto'] }] }],
          },
        },
      },
    };
    const agents = ['aws-node', 'kube-proxy'].map((name) => aWorkload({ kind: 'DaemonSet', namespace: 'kube-system', name, spec: offAuto }));
    const own = aWorkload({ kind: 'DaemonSet', namespace: 'monitoring', name: 'node-exporter', spec: offAuto });
    const found = runRule(autoModeNodeAffinityRule, aFargateInventory([...agents, own]), { target: 'auto-mode' });
    expect(found.map((f) => f.resource?.name)).toEqual(['node-exporter']);
  });
});
