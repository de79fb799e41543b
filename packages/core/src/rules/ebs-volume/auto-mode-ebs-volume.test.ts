import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../inventory/types.js';
import { aKarpenterInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aClaim, aPersistentVolume, aStorageClass } from '../../testing/kube-objects.js';
import { autoModeEbsVolumeRule as rule } from './auto-mode-ebs-volume.js';

const app = aWorkload({ name: 'app', replicas: 1, spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } });
const db = { ...aWorkload({ kind: 'StatefulSet', name: 'db', replicas: 2 }), volumeClaimTemplates: [{ name: 'pgdata', spec: { storageClassName: 'gp2' } }] };
const run = (workloads: ReturnType<typeof aWorkload>[], parts: Partial<Inventory>) =>
  runRule(rule, aKarpenterInventory(workloads, parts), { target: 'auto-mode' });

describe('auto-mode-ebs-volume', () => {
  it('asks to move the data of each EBS CSI claim and for an Auto Mode StorageClass', () => {
    const findings = run([app], {
      storageClasses: [aStorageClass('gp3', 'ebs.csi.aws.com')],
      persistentVolumeClaims: [aClaim('data', { storageClassName: 'gp3' })],
    });
    expect(findings.find((f) => f.resource?.kind === 'PersistentVolumeClaim')).toMatchObject({
      id: 'auto-mode-ebs-volume:PersistentVolumeClaim/shop/data',
      severity: 'change',
      capability: 'ebs-volume',
      action: { type: 'prerequisite', task: { kind: 'move-data', claim: 'shop/data' } },
    });
    expect(findings.find((f) => f.resource?.kind === 'PersistentVolumeClaim')?.remediation).toContain('awslabs/eks-auto-mode-ebs-migration-tool');
    expect(findings.find((f) => f.resource === null)?.action).toEqual({
      type: 'capacity',
      request: { kind: 'storage-class', name: 'auto-ebs-sc', provisioner: 'ebs.csi.eks.amazonaws.com' },
    });
  });

  it('finds in-tree volumes, StatefulSet claims, and reuses an existing Auto Mode StorageClass', () => {
    const findings = run([app, db], {
      storageClasses: [aStorageClass('gp2', 'kubernetes.io/aws-ebs'), aStorageClass('auto', 'ebs.csi.eks.amazonaws.com')],
      persistentVolumeClaims: [
        aClaim('data', { volumeName: 'pv-1' }),
        aClaim('pgdata-db-0', { storageClassName: 'gp2' }),
        aClaim('pgdata-db-1', { storageClassName: 'gp2' }),
      ],
      persistentVolumes: [aPersistentVolume('pv-1', { awsElasticBlockStore: { volumeID: 'vol-1' } })],
    });
    expect(findings.map((f) => f.id)).toEqual([
      'auto-mode-ebs-volume:PersistentVolumeClaim/shop/data',
      'auto-mode-ebs-volume:PersistentVolumeClaim/shop/pgdata-db-0',
      'auto-mode-ebs-volume:PersistentVolumeClaim/shop/pgdata-db-1',
    ]);
    expect(findings[0]?.remediation).toContain('StorageClass auto ');
  });

  it('reports StatefulSet claims the inventory does not list on the StatefulSet', () => {
    const findings = run([db], { storageClasses: [aStorageClass('gp2', 'kubernetes.io/aws-ebs')] });
    expect(findings[0]).toMatchObject({ id: 'auto-mode-ebs-volume:StatefulSet/shop/db#claims-pgdata-db', action: { task: { claim: 'shop/pgdata-db-*' } } });
  });

  it('passes claims already on Auto Mode storage', () => {
    const findings = run([app], {
      storageClasses: [aStorageClass('auto', 'ebs.csi.eks.amazonaws.com')],
      persistentVolumeClaims: [aClaim('data', { storageClassName: 'auto' })],
    });
    expect(findings).toEqual([]);
  });
});
