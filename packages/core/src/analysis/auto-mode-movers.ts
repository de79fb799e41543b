// Which workloads end up on Auto Mode nodes: the question most Fargate → Auto Mode rules start from.
import type { Workload } from '../inventory/types.js';
import { affinityExcludes } from '../placement/affinity-exclusion.js';
import { pinnedValues } from '../placement/pod-needs.js';
import type { RuleContext } from '../rules/engine/types.js';
import { replacedBy } from './replaced-daemonsets.js';
import { isCoreDns } from './workload.js';

export const isWindowsPinned = (w: Workload) => pinnedValues(w.template.spec, 'kubernetes.io/os').includes('windows');

const moversCache = new WeakMap<RuleContext, Workload[]>();

/**
 * Workloads that end up on Auto Mode nodes: everything not there already, except what cannot run
 * there (Windows), what Auto Mode retires (CoreDNS is scaled to 0) and what it replaces (system
 * DaemonSets), finished Jobs, which run no more (finished-runs.ts), and what its own required node
 * affinity keeps off every Auto Mode node (the auto-mode-node-affinity rule says so). Workloads the
 * inventory places nowhere ("pending") count: on Auto Mode they will run.
 */
export function movers(ctx: RuleContext): Workload[] {
  let list = moversCache.get(ctx);
  if (!list) {
    list = ctx.inventory.workloads.filter((w) => {
      const current = ctx.placement.workloads.get(w.key)?.current.type;
      if (current === undefined || current === 'auto-mode' || w.finished !== null) return false;
      return !isWindowsPinned(w) && !isCoreDns(w) && replacedBy(w) === null && affinityExcludes(w.template.spec, 'auto-mode') === null;
    });
    moversCache.set(ctx, list);
  }
  return list;
}

export const currentType = (ctx: RuleContext, w: Workload) => ctx.placement.workloads.get(w.key)?.current.type;
