import { describe, expect, it } from 'vitest';
import type { Workload } from '../../inventory/types.js';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aClaim, aPersistentVolume, aStorageClass } from '../../testing/kube-objects.js';
import { fargateEbsVolumesRule } from './fargate-ebs-volumes.js';

const mounting = (claimName: string, name = 'db') => aWorkload({ name, spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] } });
const withTemplate = (storageClassName?: string): Workload => ({
  ...aWorkload({ kind: 'StatefulSet', name: 'db' }),
  volumeClaimTemplates: [{ name: 'data', spec: { ...(storageClassName ? { storageClassName } : {}), accessModes: ['ReadWriteOnce'] } }],
});

describe('fargate-ebs-volumes', () => {
  it('blocks a claim of an Auto Mode EBS StorageClass and says where the data can go', () => {
    const [f] = runRule(
      fargateEbsVolumesRule,
      anAutoModeInventory([mounting('data')], {
        storageClasses: [aStorageClass('auto-ebs-sc', 'ebs.csi.eks.amazonaws.com')],
        persistentVolumeClaims: [aClaim('data', { storageClassName: 'auto-ebs-sc' })],
      }),
      { target: 'fargate' },
    );
    expect(f).toMatchObject({
      id: 'fargate-ebs-volumes:Deployment/shop/db',
      severity: 'blocker',
      capability: 'ebs-volume',
      action: { type: 'stay', on: 'auto-mode' },
    });
    expect(f?.message).toContain('ebs.csi.eks.amazonaws.com');
    expect(f?.remediation).toContain('EFS');
  });

  it('blocks StatefulSet claim templates that fall to an EBS default StorageClass', () => {
    const [f] = runRule(
      fargateEbsVolumesRule,
      anAutoModeInventory([withTemplate()], { storageClasses: [aStorageClass('gp3', 'ebs.csi.aws.com', { isDefault: true })] }),
      { target: 'fargate' },
    );
    expect(f).toMatchObject({ severity: 'blocker' });
    expect(f?.message).toContain('volumeClaimTemplate data via ebs.csi.aws.com');
  });

  it('follows a bound claim to its PersistentVolume', () => {
    const [f] = runRule(
      fargateEbsVolumesRule,
      anAutoModeInventory([mounting('old')], {
        persistentVolumeClaims: [aClaim('old', { storageClassName: '', volumeName: 'pv-1' })],
        persistentVolumes: [aPersistentVolume('pv-1', { awsElasticBlockStore: { volumeID: 'vol-1' } })],
      }),
      { target: 'fargate' },
    );
    expect(f?.severity).toBe('blocker');
  });

  it('leaves a claim whose StorageClass the inventory lacks to fargate-unmountable-volumes', () => {
    expect(runRule(fargateEbsVolumesRule, anAutoModeInventory([withTemplate('mystery')]), { target: 'fargate' })).toEqual([]);
  });

  it('passes EFS claims and workloads without claims', () => {
    const findings = runRule(
      fargateEbsVolumesRule,
      anAutoModeInventory([mounting('files'), aWorkload({ name: 'web' })], {
        storageClasses: [aStorageClass('efs-sc', 'efs.csi.aws.com')],
        persistentVolumeClaims: [aClaim('files', { storageClassName: 'efs-sc' })],
      }),
      { target: 'fargate' },
    );
    expect(findings).toEqual([]);
  });
});
