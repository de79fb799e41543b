import { describe, expect, it } from 'vitest';
import type { Volume } from '../../kube.js';
import { aFargateInventory, aWorkload } from '../../testing/builders.js';
import { aClaim, aStorageClass, autoModeFindings, aVolume } from '../../testing/builders-auto-mode.js';
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
        persistentVolumes: [aVolume('pv-1', { csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-12345678' } })],
      },
    );
    const findings = autoModeFindings(rule, inventory);
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
    expect(autoModeFindings(rule, aFargateInventory([aWorkload()]))).toEqual([]);
    const driver = aWorkload({ kind: 'DaemonSet', namespace: 'kube-system', name: 'efs-csi-node' });
    const user = withVolumes('inline', [{ name: 'efs', csi: { driver: 'efs.csi.aws.com' } }]);
    expect(autoModeFindings(rule, aFargateInventory([user, driver]))).toEqual([]);
  });
});
