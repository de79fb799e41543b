import { FARGATE_LIMITS } from '../../capabilities/limits.js';
import type { Rule } from '../engine/types.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { podRequirement } from '../../analysis/fargate-size.js';
import { formatBytes, GIB_BYTES } from '../../analysis/quantities.js';
import { blockedBy, capacityName, stayOn } from '../../analysis/fargate-scope.js';

/**
 * Fargate gives a pod 20 GiB of ephemeral storage by default and at most 175 GiB through
 * ephemeral-storage requests (aws-facts §5); a pod that asks for more cannot move as it is.
 */
export const fargateEphemeralStorageRule: Rule = {
  id: 'fargate-ephemeral-storage',
  title: 'Ephemeral storage',
  capability: 'ephemeral-storage',
  targets: ['fargate'],
  check(ctx, row) {
    const max = FARGATE_LIMITS.maxEphemeralGib * GIB_BYTES;
    return blockedBy(ctx, 'ephemeral-storage').flatMap((w) => {
      const { ephemeralBytes } = podRequirement(w.template.spec);
      if (ephemeralBytes <= max) return [];
      return [
        stayDraft(
          ctx,
          w,
          `${describeWorkload(w)} requests ${formatBytes(ephemeralBytes)} of ephemeral storage per pod. ${row.condition ?? row.summary}`,
          `Move the bulk data to an EFS volume (statically provisioned) and lower the ephemeral-storage request to ${FARGATE_LIMITS.maxEphemeralGib}Gi or less, then plan again; otherwise it stays on ${capacityName(stayOn(ctx, w))}.`,
        ),
      ];
    });
  },
};
