import type { Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { listNames } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { STORAGE_DRIVERS } from '../../analysis/storage-drivers.js';
import { volumeUses } from '../../analysis/volumes.js';

/**
 * Fargate mounts EFS with a driver built into the platform; the EFS CSI driver is not among Auto
 * Mode's built-in capabilities (aws-facts §2 EFS row, an inference AWS does not state outright),
 * so it is installed before the first EFS user moves. One cluster-wide task, naming its users.
 */
export const autoModeEfsCsiDriverRule: Rule = {
  id: 'auto-mode-efs-csi-driver',
  title: 'EFS CSI driver',
  capability: 'efs-volume',
  targets: ['auto-mode'],
  check(ctx) {
    const installed = ctx.inventory.workloads.some((w) => w.kind === 'DaemonSet' && w.metadata.name === 'efs-csi-node');
    if (installed) return [];
    const users = movers(ctx).filter((w) => volumeUses(ctx.index, w).some((u) => u.driver === STORAGE_DRIVERS.efs));
    if (users.length === 0) return [];
    return [
      {
        severity: 'advisory',
        resource: null,
        message: `${listNames(users.map(describeWorkload))} mount EFS volumes; Auto Mode does not include the EFS CSI driver that Fargate provides built in.`,
        remediation:
          'Install the Amazon EFS CSI driver (EKS add-on aws-efs-csi-driver, with an IAM role through EKS Pod Identity or IRSA) before these workloads move; the existing statically provisioned PersistentVolumes keep working, and dynamic provisioning with access points becomes possible.',
        action: { type: 'prerequisite', task: { kind: 'install-efs-csi-driver' } },
      },
    ];
  },
};
