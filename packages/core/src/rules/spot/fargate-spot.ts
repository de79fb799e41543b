import type { WorkloadEdit } from '@modeshift/plan';
import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { listOf } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { CAPACITY_TYPE_LABEL, isSpotRequirement, nodeAffinityRequirements } from '../../analysis/ec2-labels.js';
import { movingWorkloads } from '../../analysis/fargate-scope.js';

const isSpotToleration = (key: string | undefined) => key !== undefined && (key === CAPACITY_TYPE_LABEL || /spot/i.test(key));

/** "Amazon EKS doesn't support Fargate Spot": Spot-pinned pods move on-demand, without their Spot hints. */
export const fargateSpotRule: Rule = {
  id: 'fargate-spot',
  title: 'Spot',
  capability: 'spot',
  targets: ['fargate'],
  check(ctx, row) {
    return movingWorkloads(ctx).flatMap((w) => {
      const spec = w.template.spec;
      const edits: WorkloadEdit[] = [];
      const what: string[] = [];
      if (spec.nodeSelector?.[CAPACITY_TYPE_LABEL] === 'spot') {
        edits.push({ op: 'remove-node-selector', key: CAPACITY_TYPE_LABEL });
        what.push(`nodeSelector ${CAPACITY_TYPE_LABEL}: spot`);
      }
      if (nodeAffinityRequirements(spec).some(isSpotRequirement)) {
        edits.push({ op: 'remove-node-affinity' });
        what.push('node affinity for Spot capacity');
      }
      const keys = [...new Set((spec.tolerations ?? []).map((t) => t.key).filter(isSpotToleration))] as string[];
      if (keys.length > 0) {
        edits.push({ op: 'remove-tolerations', keys });
        what.push(`toleration${keys.length > 1 ? 's' : ''} ${listOf(keys)}`);
      }
      if (edits.length === 0) return [];
      return [
        {
          severity: 'change' as const,
          resource: workloadRef(w),
          message: `${describeWorkload(w)} asks for Spot capacity (${listOf(what)}). ${row.summary} On Fargate it runs on-demand, at on-demand prices.`,
          remediation:
            'The plan removes the Spot selector and tolerations before the move. To keep Spot pricing instead, keep it on an Auto Mode NodePool with karpenter.sh/capacity-type: spot.',
          action: { edits, type: 'workload' as const },
        },
      ];
    });
  },
};
