import { SOURCES } from '../../capabilities/sources.js';
import { workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { describeWorkload } from '../../analysis/workload.js';
import { NODE_LIFETIME } from './facts.js';

/**
 * Auto Mode replaces every node within its lifetime and drains it respecting PodDisruptionBudgets
 * (aws-facts §1, §2 os-patching row). Without a budget nothing stops a drain from evicting all of a
 * workload's pods on that node at once; a bare Pod is not recreated at all.
 */
export const autoModeNodeLifetimeRule: Rule = {
  id: 'auto-mode-node-lifetime',
  title: 'Node replacement and disruption budgets',
  capability: 'os-patching',
  targets: ['auto-mode'],
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const w of movers(ctx)) {
      if (w.replicas === null || w.replicas < 1) continue;
      if (ctx.index.pdbsFor(w).length > 0) continue;
      const bare = w.kind === 'Pod';
      out.push({
        severity: 'advisory',
        resource: workloadRef(w),
        message: `${describeWorkload(w)} has no PodDisruptionBudget; Auto Mode replaces nodes after ${NODE_LIFETIME.defaultDays} days by default (NodePool \`expireAfter: ${NODE_LIFETIME.defaultExpireAfter}\`), at most ${NODE_LIFETIME.maxDays}, and on new AMIs, draining them with only PodDisruptionBudgets to hold evictions back.${bare ? ' A bare Pod is not recreated after eviction.' : ''}`,
        remediation: bare
          ? 'Run it under a Deployment or StatefulSet, then add a PodDisruptionBudget.'
          : `Add a PodDisruptionBudget (for example maxUnavailable: 1)${w.replicas < 2 ? ' and run at least 2 replicas so that one can keep serving during a drain' : ''}.`,
        sources: [SOURCES.fargatePatching],
        action: { type: 'review' },
      });
    }
    return out;
  },
};
