import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { listOf } from '../../analysis/names.js';
import { claimUses } from '../../analysis/volumes.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { capacityName, candidates, stayOn } from '../../analysis/fargate-scope.js';

/**
 * Fargate cannot mount EBS at all (aws-facts §0.8), so the data has to move before the workload
 * can. When a claim's StorageClass is not in the inventory the rule says it cannot tell, rather
 * than guessing from the class name.
 */
export const fargateEbsVolumesRule: Rule = {
  id: 'fargate-ebs-volumes',
  capability: 'ebs-volume',
  targets: ['fargate'],
  check(ctx, row) {
    return candidates(ctx).flatMap((w) => {
      const uses = claimUses(ctx.index, w);
      const ebs = uses.filter((u) => u.kind === 'ebs');
      const name = describeWorkload(w);
      if (ebs.length > 0) {
        return [
          stayDraft(
            ctx,
            w,
            `${name} mounts EBS storage (${listOf(ebs.map((u) => `${u.label} via ${u.detail}`))}): ${row.summary}`,
            `Move the data to EFS (on Fargate, EFS volumes must be statically provisioned: one access point and PersistentVolume per claim) and switch the claims, then plan again; until then it stays on ${capacityName(stayOn(ctx, w))}, and its EBS volumes are kept even if Auto Mode is disabled.`,
          ),
        ];
      }
      const unknown = uses.filter((u) => u.kind === 'unknown');
      if (unknown.length === 0) return [];
      return [
        {
          severity: 'advisory' as const,
          resource: workloadRef(w),
          message: `${name} mounts ${listOf(unknown.map((u) => `${u.label} (${u.detail})`))}, so it is unknown whether this is EBS, which Fargate cannot mount.`,
          remediation:
            'Add the StorageClasses, PersistentVolumeClaims and PersistentVolumes to the inventory (kubectl get storageclass,pvc,pv -A -o yaml) and plan again.',
          action: { type: 'review' as const },
        },
      ];
    });
  },
};
