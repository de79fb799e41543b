// Data on volumes Auto Mode cannot mount moves into claims of Auto Mode's StorageClass: only once that
// StorageClass exists, and for a StatefulSet by re-creating it, never by patching its volumeClaimTemplates.
import { describe, expect, it } from 'vitest';
import { remediationOf, type Plan } from '@modeshift/plan';
import { aKarpenterInventory, aWorkload, contextFor } from '../testing/builders.js';
import { aClaim, aStorageClass } from '../testing/kube-objects.js';
import type { Workload } from '../inventory/types.js';
import { allSteps, stepsBefore } from '../testing/plan-steps.js';
import { buildPlan } from './build-plan.js';

function postgres(): Workload {
  return {
    ...aWorkload({ kind: 'StatefulSet', namespace: 'data', name: 'postgres', replicas: 2 }),
    volumeClaimTemplates: [{ name: 'data', spec: { storageClassName: 'gp2', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }],
  };
}

// EC2 workloads that move: on a self-managed Karpenter pool (those on a managed node group stay there).
function planWith(storageClasses = [aStorageClass('gp2', 'ebs.csi.aws.com', { isDefault: true })]): Plan {
  const web = aWorkload({ namespace: 'shop', name: 'web', spec: { volumes: [{ name: 'files', persistentVolumeClaim: { claimName: 'files' } }] } });
  const inventory = aKarpenterInventory([postgres(), web], {
    storageClasses,
    persistentVolumeClaims: [
      aClaim('data-postgres-0', { storageClassName: 'gp2' }, { namespace: 'data' }),
      aClaim('data-postgres-1', { storageClassName: 'gp2' }, { namespace: 'data' }),
      aClaim('files', { storageClassName: 'gp2' }, { namespace: 'shop' }),
    ],
  });
  return buildPlan(contextFor(inventory, 'auto-mode'));
}

const dataMoves = (plan: Plan) => allSteps(plan).filter((s) => s.effects.some((e) => e.type === 'move-data'));

describe('moving data off volumes Auto Mode cannot mount', () => {
  it('restores into the StorageClass only after the step that creates it, in plan order and by dependsOn', () => {
    const plan = planWith();
    const order = allSteps(plan).map((s) => s.id);
    const [move] = dataMoves(plan);
    expect(move?.effects.filter((e) => e.type === 'move-data').map((e) => (e.type === 'move-data' ? e.claim : ''))).toEqual([
      'data/data-postgres-0',
      'data/data-postgres-1',
      'shop/files',
    ]);
    expect(stepsBefore(plan, move!.id)).toContain('capacity/storage-class-auto-ebs-sc');
    expect(order.indexOf(move!.id)).toBeGreaterThan(order.indexOf('capacity/storage-class-auto-ebs-sc'));
  });

  it("waits for Auto Mode's block storage when the cluster already has its StorageClass", () => {
    const plan = planWith([aStorageClass('gp2', 'ebs.csi.aws.com', { isDefault: true }), aStorageClass('auto-ebs', 'ebs.csi.eks.amazonaws.com')]);
    const [move] = dataMoves(plan);
    expect(stepsBefore(plan, move!.id)).toContain('capacity/enable-auto-mode');
    expect(move!.title).toBe('Move the data of 3 claims to StorageClass auto-ebs');
  });

  it('re-creates a StatefulSet around its moved claims (delete with --cascade=orphan, apply with the new claim template) and never patches its volumeClaimTemplates', () => {
    const plan = planWith();
    const [move] = dataMoves(plan);
    const text = move!.commands.join('\n');
    expect(move!.commands).toContain('kubectl get statefulset postgres -n data -o yaml > statefulset-data-postgres.yaml');
    expect(text).toContain('volumeClaimTemplates (data) cannot be patched');
    expect(text).toContain('kubectl delete statefulset postgres -n data --cascade=orphan');
    expect(text).toContain('set storageClassName: auto-ebs-sc in volumeClaimTemplates data');
    const patches = allSteps(plan)
      .flatMap((s) => s.commands)
      .filter((c) => /^kubectl patch statefulset/.test(c));
    expect(patches.filter((c) => c.includes('volumeClaimTemplates'))).toEqual([]);
    const finding = plan.findings.find((f) => f.id === 'auto-mode-ebs-volume:PersistentVolumeClaim/data/data-postgres-0');
    expect(finding && remediationOf(plan.rules, finding)).toContain('delete the StatefulSet with --cascade=orphan');
  });
});
