import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { listOf } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { movingWorkloads } from '../../analysis/fargate-scope.js';

/** Pod (anti-)affinity "does not apply" on Fargate: nothing breaks, but the placement intent is lost. */
export const fargatePodAffinityRule: Rule = {
  id: 'fargate-pod-affinity',
  title: 'Pod affinity',
  capability: 'scheduling',
  targets: ['fargate'],
  check(ctx) {
    return movingWorkloads(ctx).flatMap((w) => {
      const affinity = w.template.spec.affinity;
      const kinds = [affinity?.podAffinity && 'podAffinity', affinity?.podAntiAffinity && 'podAntiAffinity'].filter((k): k is string => Boolean(k));
      if (kinds.length === 0) return [];
      return [
        {
          severity: 'advisory' as const,
          resource: workloadRef(w),
          message: `${describeWorkload(w)} uses ${listOf(kinds)}; affinity rules do not apply on Fargate, where each pod runs on its own VM, so co-location or separation between pods is no longer enforced.`,
          remediation:
            'If anti-affinity was there to keep replicas apart for resilience, rely on Fargate profile subnets in several Availability Zones and a PodDisruptionBudget; if affinity kept pods together for latency, expect network hops between their VMs.',
          action: { type: 'review' as const },
        },
      ];
    });
  },
};
