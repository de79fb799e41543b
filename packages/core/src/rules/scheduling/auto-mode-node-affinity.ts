import { workloadRef } from '../../analysis/refs.js';
import type { Rule } from '../engine/types.js';
import { currentType, isWindowsPinned } from '../../analysis/auto-mode-movers.js';
import { describeWorkload } from '../../analysis/workload.js';
import { affinityExcludes } from '../../placement/affinity-exclusion.js';
import { isKarpenterController } from '../../analysis/karpenter.js';
import { replacedBy } from '../../analysis/replaced-daemonsets.js';

/**
 * A workload whose required node affinity excludes every Auto Mode node would sit Pending once
 * moved: the plan keeps it where it runs and says which requirement does it. The Karpenter chart's
 * controller (`karpenter.sh/nodepool DoesNotExist`) is the common case; it runs on Fargate or a node
 * group beside the nodes it makes.
 */
export const autoModeNodeAffinityRule: Rule = {
  id: 'auto-mode-node-affinity',
  title: 'Node affinity',
  capability: 'scheduling',
  targets: ['auto-mode'],
  check(ctx) {
    return ctx.inventory.workloads.flatMap((w) => {
      const current = currentType(ctx, w);
      // aws-node and kube-proxy carry `compute-type NotIn [auto]` on purpose: Auto Mode replaces them, they never move.
      // Karpenter's controller is kept off nodes a NodePool made on purpose; it is removed, not moved (auto-mode-karpenter).
      if (current === undefined || current === 'auto-mode' || isWindowsPinned(w) || replacedBy(w) !== null || isKarpenterController(w)) return [];
      const excluded = affinityExcludes(w.template.spec, 'auto-mode');
      if (!excluded) return [];
      return [
        {
          severity: 'blocker' as const,
          resource: workloadRef(w),
          message: `${describeWorkload(w)} requires nodes that Auto Mode never provides (required node affinity ${excluded}); moved, its pods would stay Pending.`,
          remediation:
            'It stays where it runs today. If the requirement only kept it off nodes of a self-managed node autoscaler, drop it once that autoscaler is retired and plan again.',
          action: { type: 'stay' as const, on: current === 'fargate' ? ('fargate' as const) : ('managed-nodes' as const) },
        },
      ];
    });
  },
};
