import { describe, expect, it } from 'vitest';
import { anAutoModeInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aClaim, aPersistentVolume, aStorageClass } from '../../testing/kube-objects.js';
import { fargateEfsDynamicProvisioningRule } from './fargate-efs-dynamic-provisioning.js';

const app = aWorkload({ name: 'files', spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'shared' } }] } });
const efsSc = aStorageClass('efs-sc', 'efs.csi.aws.com');
const claim = aClaim('shared', { storageClassName: 'efs-sc', accessModes: ['ReadWriteMany'] });

describe('fargate-efs-dynamic-provisioning', () => {
  it('asks for a static PersistentVolume when the claim relies on dynamic provisioning', () => {
    const [f] = runRule(fargateEfsDynamicProvisioningRule, anAutoModeInventory([app], { storageClasses: [efsSc], persistentVolumeClaims: [claim] }), {
      target: 'fargate',
    });
    expect(f).toMatchObject({ severity: 'change', capability: 'efs-volume', action: { type: 'review' } });
    expect(f?.message).toContain('Static provisioning only');
    expect(f?.remediation).toContain('volumeHandle');
  });

  it('passes a claim with an unclaimed static PersistentVolume of its class waiting', () => {
    const pv = aPersistentVolume('efs-pv1', { storageClassName: 'efs-sc', csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-1::fsap-1' } });
    expect(
      runRule(
        fargateEfsDynamicProvisioningRule,
        anAutoModeInventory([app], { storageClasses: [efsSc], persistentVolumeClaims: [claim], persistentVolumes: [pv] }),
        { target: 'fargate' },
      ),
    ).toEqual([]);
  });

  it('passes a claim already bound to a volume', () => {
    const bound = aClaim('shared', { storageClassName: 'efs-sc', volumeName: 'pvc-123' });
    const pv = aPersistentVolume('pvc-123', {
      csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-1::fsap-9' },
      claimRef: { namespace: 'shop', name: 'shared' },
    });
    expect(
      runRule(
        fargateEfsDynamicProvisioningRule,
        anAutoModeInventory([app], { storageClasses: [efsSc], persistentVolumeClaims: [bound], persistentVolumes: [pv] }),
        { target: 'fargate' },
      ),
    ).toEqual([]);
  });
});
