import { describe, expect, it } from 'vitest';
import type { Volume } from '../../kube.js';
import { aFargateInventory, aWorkload, runRule } from '../../testing/builders.js';
import { aClaim, aPersistentVolume, aStorageClass } from '../../testing/kube-objects.js';
import { autoModeEfsCsiDriverRule as rule } from './auto-mode-efs-csi-driver.js';

const withVolumes = (name: string, volumes: Volume[]) => aWorkload({ name, spec: { volumes } });
const claimVolume = (claimName: string): Volume => ({ name: 'data', persistentVolumeClaim: { claimName } });

describe('auto-mode-efs-csi-driver', () => {
  it('asks once for the EFS CSI driver, naming every EFS user', () => {
    const inventory = aFargateInventory(
      [
        withVolumes('by-class', [claimVolume('shared')]),
        withVolumes('by-volume', [claimVolume('static')]),
        withVolumes('inline', [{ name: 'efs', csi: { driver: 'efs.csi.aws.com', volumeAttributes: {} } }]),
        aWorkload({ name: 'stateless' }),
      ],
      {
        storageClasses: [aStorageClass('efs-sc', 'efs.csi.aws.com')],
        persistentVolumeClaims: [aClaim('shared', { storageClassName: 'efs-sc' }), aClaim('static', { storageClassName: '', volumeName: 'pv-1' })],
        persistentVolumes: [aPersistentVolume('pv-1', { csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-12345678' } })],
      },
    );
    const findings = runRule(rule, inventory, { target: 'auto-mode' });
    expect(findings).toMatchObject([
      {
        id: 'auto-mode-efs-csi-driver:cluster',
        severity: 'advisory',
        capability: 'efs-volume',
        action: { type: 'prerequisite', task: { kind: 'install-efs-csi-driver' } },
      },
    ]);
    expect(findings[0]?.message).toContain('Deployment shop/by-class, Deployment shop/by-volume, Deployment shop/inline mount EFS');
  });

  it('passes workloads without EFS, and clusters that already run the driver', () => {
    expect(runRule(rule, aFargateInventory([aWorkload()]), { target: 'auto-mode' })).toEqual([]);
    const driver = aWorkload({ kind: 'DaemonSet', namespace: 'kube-system', name: 'efs-csi-node' });
    const user = withVolumes('inline', [{ name: 'efs', csi: { driver: 'efs.csi.aws.com' } }]);
    expect(runRule(rule, aFargateInventory([user, driver]), { target: 'auto-mode' })).toEqual([]);
  });
});
