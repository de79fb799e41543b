import { FARGATE_LIMITS } from '../../capabilities/limits.js';
import type { Rule } from '../engine/types.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { fargateSize, formatRequirement, podRequirement } from '../../analysis/fargate-size.js';
import { blockedBy, capacityName, stayOn } from '../../analysis/fargate-scope.js';

/** A pod that no Fargate combination holds (16 vCPU / 120 GB, aws-facts §5) cannot move as it is. */
export const fargatePodSizeRule: Rule = {
  id: 'fargate-pod-size',
  title: 'Pod size',
  capability: 'pod-size',
  targets: ['fargate'],
  check(ctx) {
    return blockedBy(ctx, 'pod-size').flatMap((w) => {
      const req = podRequirement(w.template.spec);
      if (fargateSize(req) !== null) return [];
      return [
        stayDraft(
          ctx,
          w,
          `${describeWorkload(w)} requests ${formatRequirement(req)} per pod, plus ${FARGATE_LIMITS.memoryOverheadMb} MB Fargate adds for its own components; the largest Fargate pod is ${FARGATE_LIMITS.maxVcpu} vCPU / ${FARGATE_LIMITS.maxMemoryGb} GB.`,
          `Lower its requests or split it into smaller pods and plan again; otherwise it stays on ${capacityName(stayOn(ctx, w))}.`,
        ),
      ];
    });
  },
};
