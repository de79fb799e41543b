import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aNodePool } from '../../testing/kube-objects.js';
import { fargateArm64Rule } from './fargate-arm64.js';

const armPool = aNodePool('graviton', { requirements: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }] });

describe('fargate-arm64', () => {
  it('keeps a pod pinned to arm64 on Auto Mode and says how it could move', () => {
    const w = aWorkload({ name: 'api', spec: { nodeSelector: { 'kubernetes.io/arch': 'arm64' } } });
    const [f] = runRule(fargateArm64Rule, anAutoModeInventory([w], { nodePools: [armPool] }), { target: 'fargate' });
    expect(f).toMatchObject({ id: 'fargate-arm64:Deployment/shop/api', severity: 'blocker', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.remediation).toContain('multi-arch');
  });

  it('recognises Graviton instance families in required affinity', () => {
    const w = aWorkload({
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'eks.amazonaws.com/instance-family', operator: 'In', values: ['m7g', 'c7gn'] }] }],
            },
          },
        },
      },
    });
    expect(runRule(fargateArm64Rule, anAutoModeInventory([w], { nodePools: [armPool] }), { target: 'fargate' })).toHaveLength(1);
  });

  it('passes pods that allow amd64 too, or pin amd64', () => {
    const both = aWorkload({
      name: 'both',
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
    const amd = aWorkload({ name: 'amd', spec: { nodeSelector: { 'kubernetes.io/arch': 'amd64' } } });
    expect(runRule(fargateArm64Rule, anAutoModeInventory([both, amd]), { target: 'fargate' })).toEqual([]);
  });
});
