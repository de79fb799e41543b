import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { describeWorkload } from '../../analysis/workload.js';
import { movingWorkloads } from '../../analysis/fargate-scope.js';

/** Fargate does not support topologySpreadConstraints (aws-facts §2 Scheduling row). */
export const fargateTopologySpreadRule: Rule = {
  id: 'fargate-topology-spread',
  title: 'Topology spread constraints',
  capability: 'scheduling',
  targets: ['fargate'],
  check(ctx) {
    return movingWorkloads(ctx).flatMap((w) => {
      if ((w.template.spec.topologySpreadConstraints ?? []).length === 0) return [];
      return [
        {
          severity: 'change' as const,
          resource: workloadRef(w),
          message: `${describeWorkload(w)} uses topologySpreadConstraints, which Fargate does not support; every Fargate pod gets its own VM.`,
          remediation:
            "The plan removes the constraints. Zone spread then depends on the Fargate profile's subnets, across which AWS notes pods can spread unevenly: check where the pods land after the move, and protect the workload with a PodDisruptionBudget.",
          action: { edits: [{ op: 'remove-topology-spread' as const }], type: 'workload' as const },
        },
      ];
    });
  },
};
