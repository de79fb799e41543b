import { describe, expect, it } from 'vitest';
import type { Workload } from '../../inventory/types.js';
import { aWorkload } from '../../testing/builders.js';
import { aClaim, aPersistentVolume, aStorageClass, planToFargate } from '../../testing/builders-fargate.js';
import { fargateEbsVolumesRule } from './fargate-ebs-volumes.js';

const mounting = (claimName: string, name = 'db') => aWorkload({ name, spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] } });
const withTemplate = (storageClassName?: string): Workload => ({
  ...aWorkload({ kind: 'StatefulSet', name: 'db' }),
  volumeClaimTemplates: [{ name: 'data', spec: { ...(storageClassName ? { storageClassName } : {}), accessModes: ['ReadWriteOnce'] } }],
});

describe('fargate-ebs-volumes', () => {
  it('blocks a claim of an Auto Mode EBS StorageClass and says where the data can go', () => {
    const [f] = planToFargate([mounting('data')], [fargateEbsVolumesRule], {
      storageClasses: [aStorageClass('auto-ebs-sc', 'ebs.csi.eks.amazonaws.com')],
      persistentVolumeClaims: [aClaim('data', { storageClassName: 'auto-ebs-sc' })],
    });
    expect(f).toMatchObject({ id: 'fargate-ebs-volumes:Deployment/shop/db', severity: 'blocker', capability: 'ebs-volume', action: { type: 'stay', on: 'auto-mode' } });
    expect(f?.message).toContain('ebs.csi.eks.amazonaws.com');
    expect(f?.remediation).toContain('EFS');
  });

  it('blocks StatefulSet claim templates that fall to an EBS default StorageClass', () => {
    const [f] = planToFargate([withTemplate()], [fargateEbsVolumesRule], { storageClasses: [aStorageClass('gp3', 'ebs.csi.aws.com', true)] });
    expect(f).toMatchObject({ severity: 'blocker' });
    expect(f?.message).toContain('volumeClaimTemplate data via ebs.csi.aws.com');
  });

  it('follows a bound claim to its PersistentVolume', () => {
    const [f] = planToFargate([mounting('old')], [fargateEbsVolumesRule], {
      persistentVolumeClaims: [aClaim('old', { storageClassName: '', volumeName: 'pv-1' })],
      persistentVolumes: [aPersistentVolume('pv-1', { awsElasticBlockStore: { volumeID: 'vol-1' } })],
    });
    expect(f?.severity).toBe('blocker');
  });

  it('says it cannot tell when the StorageClass is not in the inventory', () => {
    const [f] = planToFargate([withTemplate('mystery')], [fargateEbsVolumesRule]);
    expect(f).toMatchObject({ severity: 'advisory', action: { type: 'review' } });
    expect(f?.message).toContain('StorageClass mystery is not in the inventory');
  });

  it('passes EFS claims and workloads without claims', () => {
    const findings = planToFargate([mounting('files'), aWorkload({ name: 'web' })], [fargateEbsVolumesRule], {
      storageClasses: [aStorageClass('efs-sc', 'efs.csi.aws.com')],
      persistentVolumeClaims: [aClaim('files', { storageClassName: 'efs-sc' })],
    });
    expect(findings).toEqual([]);
  });
});
