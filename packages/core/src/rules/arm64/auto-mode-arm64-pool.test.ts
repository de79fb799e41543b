import { describe, expect, it } from 'vitest';
import type { Inventory, Workload } from '../../inventory/types.js';
import { aCluster, anInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeArm64PoolRule as rule } from './auto-mode-arm64-pool.js';

// On EC2 capacity the inventory does not show (assumed self-managed Karpenter): they move to Auto Mode, and
// there is no NodePool of theirs to re-create, so they need pools of their own.
const onUnseenEc2 = (workloads: Workload[], parts: Partial<Inventory> = {}) => anInventory({ cluster: aCluster(), workloads, ...parts });

describe('auto-mode-arm64-pool', () => {
  it('requests a tainted arm64 NodePool and the toleration for it', () => {
    const w = aWorkload({ name: 'api', spec: { nodeSelector: { 'kubernetes.io/arch': 'arm64' } } });
    const findings = runRule(rule, onUnseenEc2([w]), { target: 'auto-mode' });
    expect(findings.find((f) => f.severity === 'gain')).toMatchObject({
      id: 'auto-mode-arm64-pool:Deployment/shop/api',
      capability: 'arm64',
      action: {
        type: 'capacity',
        request: {
          name: 'arm64',
          purpose: 'arm64',
          requirements: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }, {}, {}],
          taints: [{ key: 'modeshift.io/arch', value: 'arm64', effect: 'NoSchedule' }],
        },
      },
    });
    expect(findings.find((f) => f.severity === 'change')?.action).toEqual({
      type: 'workload',
      edits: [{ op: 'add-toleration', toleration: { key: 'modeshift.io/arch', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' } }],
    });
  });

  it('passes multi-arch and unpinned workloads', () => {
    const multi = aWorkload({
      name: 'multi',
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] }] }],
            },
          },
        },
      },
    });
    expect(runRule(rule, onUnseenEc2([multi, aWorkload()]), { target: 'auto-mode' })).toEqual([]);
  });
});
