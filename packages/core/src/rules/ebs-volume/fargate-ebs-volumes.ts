import type { Rule } from '../engine/types.js';
import { listOf } from '../../analysis/names.js';
import { claimUses } from '../../analysis/volumes.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { capacityName, candidates, stayOn } from '../../analysis/fargate-scope.js';

/**
 * Fargate cannot mount EBS at all (aws-facts §0.8), so the data has to move before the workload
 * can. A claim whose StorageClass is not in the inventory is fargate-unmountable-volumes' to judge.
 */
export const fargateEbsVolumesRule: Rule = {
  id: 'fargate-ebs-volumes',
  title: 'EBS volumes',
  capability: 'ebs-volume',
  targets: ['fargate'],
  check(ctx, row) {
    return candidates(ctx).flatMap((w) => {
      const ebs = claimUses(ctx.index, w).filter((u) => u.kind === 'ebs');
      if (ebs.length === 0) return [];
      const name = describeWorkload(w);
      return [
        stayDraft(
          ctx,
          w,
          `${name} mounts EBS storage (${listOf(ebs.map((u) => `${u.label} via ${u.detail}`))}): ${row.summary}`,
          `Move the data to EFS (on Fargate, EFS volumes must be statically provisioned: one access point and PersistentVolume per claim) and switch the claims, then plan again; until then it stays on ${capacityName(stayOn(ctx, w))}, and its EBS volumes are kept even if Auto Mode is disabled.`,
        ),
      ];
    });
  },
};
