import type { Rule } from '../engine/types.js';
import { listOf } from '../../analysis/names.js';
import { FSX_LUSTRE_PROVISIONER, MOUNTPOINT_S3_DRIVER } from '../../analysis/storage-drivers.js';
import { claimUses, type ClaimUse } from '../../analysis/volumes.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { capacityName, candidates, stayOn } from '../../analysis/fargate-scope.js';

/** Where the data can go so that Fargate can mount it, per driver; null when there is no known path. */
function dataMoveAdvice(driver: string): string | null {
  if (driver === FSX_LUSTRE_PROVISIONER)
    return 'FSx for Lustre is not available on Fargate: copy the data to EFS (for example with AWS DataSync) and mount it through a statically provisioned PersistentVolume.';
  if (driver === MOUNTPOINT_S3_DRIVER)
    return 'Mountpoint for Amazon S3 mounts through a node plugin Fargate cannot run: read the bucket through the S3 API instead (the data stays where it is), or copy what must be a file system to EFS.';
  return null;
}

const isUnmountable = (u: ClaimUse) => u.kind === 'other' || u.kind === 'unknown';

/**
 * Fargate mounts only statically provisioned EFS (aws-facts §2: EBS, FSx for Lustre and every
 * node-plugin CSI driver are unavailable). EBS has its own rule; this one keeps every other driver
 * off Fargate, and a volume whose driver the inventory does not show too: guessing that it is EFS
 * would move a workload that cannot start.
 */
export const fargateUnmountableVolumesRule: Rule = {
  id: 'fargate-unmountable-volumes',
  title: 'Volumes Fargate cannot mount',
  capability: 'efs-volume',
  targets: ['fargate'],
  check(ctx) {
    return candidates(ctx).flatMap((w) => {
      const uses = claimUses(ctx.index, w).filter(isUnmountable);
      if (uses.length === 0) return [];
      const on = capacityName(stayOn(ctx, w));
      const known = uses.filter((u) => u.kind === 'other');
      const unknown = uses.filter((u) => u.kind === 'unknown');
      const advice = [...new Set(known.map((u) => dataMoveAdvice(u.detail)).filter((a): a is string => a !== null))];
      const parts = [
        ...(known.length > 0 ? [`it mounts ${listOf(known.map((u) => `${u.label} through ${u.detail}`))}`] : []),
        ...(unknown.length > 0 ? [`the inventory does not show what backs ${listOf(unknown.map((u) => `${u.label} (${u.detail})`))}`] : []),
      ];
      const remediation = [
        ...advice,
        ...(known.some((u) => dataMoveAdvice(u.detail) === null)
          ? ['No data-move path to EFS is known for the other drivers: keep the workload where it is or move its data to EFS by hand.']
          : []),
        ...(unknown.length > 0
          ? [
              'Add the StorageClasses, PersistentVolumeClaims and PersistentVolumes to the inventory (kubectl get storageclass,pvc,pv -A -o yaml) and plan again.',
            ]
          : []),
        `Until then it stays on ${on}.`,
      ];
      return [
        stayDraft(
          ctx,
          w,
          `${describeWorkload(w)} cannot move to Fargate, which mounts only statically provisioned EFS volumes: ${parts.join('; and ')}.`,
          remediation.join(' '),
        ),
      ];
    });
  },
};
