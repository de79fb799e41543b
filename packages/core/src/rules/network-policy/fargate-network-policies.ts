import type { Rule } from '../engine/types.js';
import { objectRef } from '../../analysis/refs.js';
import { movingWorkloads } from '../../analysis/fargate-scope.js';

/** VPC CNI network policies are not enforced for Fargate pods: one change to decide per policy whose namespace moves. */
export const fargateNetworkPoliciesRule: Rule = {
  id: 'fargate-network-policies',
  title: 'NetworkPolicies not enforced',
  capability: 'network-policy',
  targets: ['fargate'],
  check(ctx, row) {
    const namespaces = [...new Set(movingWorkloads(ctx).map((w) => w.metadata.namespace))].sort();
    return namespaces.flatMap((ns) =>
      ctx.index.networkPoliciesIn(ns).map((np) => ({
        // A decision before the wave, not a note after it: the isolation is gone the moment the pods land on Fargate.
        severity: 'change' as const,
        resource: objectRef(np),
        message: `NetworkPolicy ${ns}/${np.metadata.name} will not be enforced for the pods that move to Fargate. ${row.summary}`,
        remediation:
          'Enforce the same isolation another way before the move: a SecurityGroupPolicy per workload (Fargate supports security groups for pods), or keep the workloads that depend on the policy on EC2 capacity.',
        action: { type: 'review' as const },
      })),
    );
  },
};
