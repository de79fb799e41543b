import type { Rule } from '../types.js';
import { workloadRef } from '../refs.js';
import { describeWorkload, listOf } from './detect.js';
import { movingWorkloads } from './scope.js';

/** Pod (anti-)affinity "does not apply" on Fargate: nothing breaks, but the placement intent is lost. */
export const fargatePodAffinity: Rule = {
  id: 'fargate-pod-affinity',
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
