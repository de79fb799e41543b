// Which workloads end up on Auto Mode nodes: the question most Fargate → Auto Mode rules start from.
import type { Workload } from '../inventory/types.js';
import { affinityExcludes } from '../placement/affinity-exclusion.js';
import { pinnedValues } from '../placement/pod-needs.js';
import type { RuleContext } from '../rules/engine/types.js';
import { replacedBy } from './replaced-daemonsets.js';
import { isCoreDns } from './workload.js';
import { isKarpenterController } from './karpenter.js';
import { runsOnce } from './finished-runs.js';

export const isWindowsPinned = (w: Workload) => pinnedValues(w.template.spec, 'kubernetes.io/os').includes('windows');

const moversCache = new WeakMap<RuleContext, Workload[]>();

/**
 * Workloads that end up on Auto Mode nodes: those the plan moves (from Fargate, and from self-managed
 * Karpenter's NodePools), DaemonSets, which run on whatever nodes there are, and workloads the
 * inventory places nowhere ("pending"), which will run on Auto Mode. Not: what stays on a managed node
 * group or on a Karpenter NodePool no Auto Mode pool replaces (the plan does not move it, so advice
 * about Auto Mode is not its), what cannot run there
 * (Windows), what Auto Mode retires (CoreDNS is scaled to 0) or replaces (system DaemonSets), finished
 * Jobs (finished-runs.ts), Karpenter's controller (removed, not moved) and what its own required node
 * affinity keeps off every Auto Mode node (the auto-mode-node-affinity rule says so).
 */
export function movers(ctx: RuleContext): Workload[] {
  let list = moversCache.get(ctx);
  if (!list) {
    list = ctx.inventory.workloads.filter((w) => {
      const placement = ctx.placement.workloads.get(w.key);
      const current = placement?.current;
      if (current === undefined || current.type === 'auto-mode' || runsOnce(w)) return false;
      if (current.type === 'managed-nodes' && w.kind !== 'DaemonSet') {
        // A node group's workloads stay on it; a Karpenter pool's move unless no Auto Mode pool takes them (auto-mode-karpenter).
        if (current.nodePool === undefined || placement?.target.type !== 'auto-mode') return false;
      }
      if (isKarpenterController(w)) return false;
      return !isWindowsPinned(w) && !isCoreDns(w) && replacedBy(w) === null && affinityExcludes(w.template.spec, 'auto-mode') === null;
    });
    moversCache.set(ctx, list);
  }
  return list;
}

export const currentType = (ctx: RuleContext, w: Workload) => ctx.placement.workloads.get(w.key)?.current.type;
