import { describe, expect, it } from 'vitest';
import type { Workload } from '../../inventory/types.js';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aClaim, aPersistentVolume, aStorageClass } from '../../testing/kube-objects.js';
import { fargateUnmountableVolumesRule } from './fargate-unmountable-volumes.js';

const mounting = (claimName: string, name = 'trainer') => aWorkload({ name, spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] } });
const withTemplate = (storageClassName: string): Workload => ({
  ...aWorkload({ kind: 'StatefulSet', name: 'db' }),
  volumeClaimTemplates: [{ name: 'data', spec: { storageClassName, accessModes: ['ReadWriteOnce'] } }],
});
const run = (workloads: Workload[], parts: Parameters<typeof anAutoModeInventory>[1] = {}) =>
  runRule(fargateUnmountableVolumesRule, anAutoModeInventory(workloads, parts), { target: 'fargate' });

describe('fargate-unmountable-volumes', () => {
  it('keeps an FSx for Lustre claim on Auto Mode and says how the data can reach EFS', () => {
    const [f] = run([mounting('scratch')], {
      storageClasses: [aStorageClass('fsx-sc', 'fsx.csi.aws.com')],
      persistentVolumeClaims: [aClaim('scratch', { storageClassName: 'fsx-sc' })],
    });
    expect(f).toMatchObject({ severity: 'blocker', capability: 'efs-volume', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.message).toContain('claim scratch through fsx.csi.aws.com');
    expect(f?.remediation).toContain('DataSync');
  });

  it('keeps a Mountpoint for S3 volume bound to a static PersistentVolume off Fargate', () => {
    const [f] = run([mounting('bucket')], {
      persistentVolumeClaims: [aClaim('bucket', { storageClassName: '', volumeName: 's3-pv' })],
      persistentVolumes: [aPersistentVolume('s3-pv', { csi: { driver: 's3.csi.aws.com', volumeHandle: 's3-csi-driver-volume' } })],
    });
    expect(f?.severity).toBe('blocker');
    expect(f?.remediation).toContain('S3 API');
  });

  it('blocks any other CSI driver, inline or claimed, with no invented data path', () => {
    const inline = aWorkload({ name: 'vault-agent', spec: { volumes: [{ name: 'secrets', csi: { driver: 'secrets-store.csi.k8s.io' } }] } });
    const [f] = run([inline]);
    expect(f?.message).toContain('volume secrets through secrets-store.csi.k8s.io');
    expect(f?.remediation).toContain('No data-move path');
  });

  it('names the StorageClass the inventory does not show instead of guessing what backs a volumeClaimTemplate', () => {
    const [f] = run([withTemplate('gp3-encrypted')]);
    expect(f).toMatchObject({ severity: 'blocker', resource: { kind: 'StatefulSet', name: 'db' } });
    expect(f?.message).toContain('volumeClaimTemplate data (StorageClass gp3-encrypted is not in the inventory)');
    expect(f?.remediation).toContain('kubectl get storageclass,pvc,pv');
  });

  it('passes statically provisioned EFS and leaves EBS to its own rule', () => {
    const findings = run([mounting('files', 'web'), mounting('disk', 'db')], {
      storageClasses: [aStorageClass('efs-sc', 'efs.csi.aws.com'), aStorageClass('gp3', 'ebs.csi.aws.com')],
      persistentVolumeClaims: [aClaim('files', { storageClassName: 'efs-sc', volumeName: 'efs-pv' }), aClaim('disk', { storageClassName: 'gp3' })],
      persistentVolumes: [aPersistentVolume('efs-pv', { csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-1::fsap-1' } })],
    });
    expect(findings).toEqual([]);
  });
});
