import type { Rule } from '../engine/types.js';
import { arm64Evidence } from '../../analysis/evidence.js';
import { describeWorkload } from '../../analysis/workload.js';
import { keepsCapacity, stayDraft } from '../../analysis/stay-drafts.js';
import { blockedBy } from '../../analysis/fargate-scope.js';

/** Fargate on EKS runs x86 pods only; a pod pinned to Graviton keeps its EC2 capacity. */
export const fargateArm64Rule: Rule = {
  id: 'fargate-arm64',
  title: 'Arm64',
  capability: 'arm64',
  targets: ['fargate'],
  check(ctx, row) {
    return blockedBy(ctx, 'arm64').flatMap((w) => {
      const evidence = arm64Evidence(w.template.spec);
      if (!evidence) return [];
      return [
        stayDraft(
          ctx,
          w,
          `${describeWorkload(w)} cannot run on Fargate: ${evidence}. ${row.summary}`,
          `${keepsCapacity(ctx, w, 'a NodePool with arm64 instances')} To move it instead, publish an amd64 (or multi-arch) image and remove the arm64 pin.`,
        ),
      ];
    });
  },
};
