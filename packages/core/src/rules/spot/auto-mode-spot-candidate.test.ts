import { describe, expect, it } from 'vitest';
import { aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aPodDisruptionBudget } from '../../testing/kube-objects.js';
import { autoModeSpotCandidateRule as rule } from './auto-mode-spot-candidate.js';

const pdbs = [
  aPodDisruptionBudget('web', { app: 'web' }),
  aPodDisruptionBudget('api', { app: 'api' }),
  aPodDisruptionBudget('db', { app: 'db' }),
  aPodDisruptionBudget('one', { app: 'one' }),
];

describe('auto-mode-spot-candidate', () => {
  it('proposes one identical Spot NodePool for stateless Deployments with replicas and a PDB', () => {
    const inventory = aFargateInventory([aWorkload({ name: 'web', replicas: 3 }), aWorkload({ name: 'api', replicas: 2 })], { podDisruptionBudgets: pdbs });
    const findings = runRule(rule, inventory, { target: 'auto-mode' });
    expect(findings.map((f) => f.id)).toEqual(['auto-mode-spot-candidate:Deployment/shop/api', 'auto-mode-spot-candidate:Deployment/shop/web']);
    expect(findings[0]?.action).toEqual({
      type: 'capacity',
      request: {
        kind: 'node-pool',
        name: 'spot',
        purpose: 'spot',
        requirements: [
          { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] },
          { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
          { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] },
        ],
        taints: [{ key: 'modeshift.io/spot', value: 'true', effect: 'NoSchedule' }],
        podSecurityGroupIds: [],
        limits: {},
      },
    });
    expect(findings[1]?.action).toEqual(findings[0]?.action);
    expect(findings[0]).toMatchObject({ severity: 'gain', capability: 'spot' });
  });

  it('skips single replicas, workloads without a PDB, stateful sets and claims', () => {
    const inventory = aFargateInventory(
      [
        aWorkload({ name: 'one', replicas: 1 }),
        aWorkload({ name: 'nopdb', replicas: 3 }),
        aWorkload({ kind: 'StatefulSet', name: 'db', replicas: 3 }),
        aWorkload({ name: 'api', replicas: 3, spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'd' } }] } }),
      ],
      { podDisruptionBudgets: pdbs },
    );
    expect(runRule(rule, inventory, { target: 'auto-mode' })).toEqual([]);
  });
});
