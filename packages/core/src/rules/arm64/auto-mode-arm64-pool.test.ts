import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
import { autoModeArm64PoolRule as rule } from './auto-mode-arm64-pool.js';

describe('auto-mode-arm64-pool', () => {
  it('requests a tainted arm64 NodePool and the toleration for it', () => {
    const w = aWorkload({ name: 'api', spec: { nodeSelector: { 'kubernetes.io/arch': 'arm64' } } });
    const findings = runRule(rule, aFargateInventory([w]), { target: 'auto-mode' });
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
    expect(runRule(rule, aFargateInventory([multi, aWorkload()]), { target: 'auto-mode' })).toEqual([]);
  });
});
