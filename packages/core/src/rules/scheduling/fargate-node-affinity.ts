import type { Rule } from '../engine/types.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { capacityName, candidates, stayOn } from '../../analysis/fargate-scope.js';
import { affinityExcludes } from '../../placement/affinity-exclusion.js';

/**
 * Fargate-scheduling strips node labels only EC2 nodes carry, because they name today's platform. A
 * requirement that excludes Fargate nodes by name (`eks.amazonaws.com/compute-type NotIn [fargate]`)
 * is different: someone decided the workload must not run there, so the plan keeps it instead.
 */
export const fargateNodeAffinityRule: Rule = {
  id: 'fargate-node-affinity',
  title: 'Node affinity',
  capability: 'scheduling',
  targets: ['fargate'],
  check(ctx) {
    return candidates(ctx).flatMap((w) => {
      const excluded = affinityExcludes(w.template.spec, 'fargate');
      if (!excluded) return [];
      const on = capacityName(stayOn(ctx, w));
      return [
        stayDraft(
          ctx,
          w,
          `${describeWorkload(w)} excludes Fargate nodes through its required node affinity (${excluded}), so it is not moved.`,
          `It stays on ${on}. If the exclusion is no longer wanted, remove it and plan again.`,
        ),
      ];
    });
  },
};
