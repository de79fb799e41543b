import { SOURCES } from '../../capabilities/sources.js';
import { needsGpu, needsNeuron, pinnedValues } from '../../placement/pod-needs.js';
import { sortedClone } from '../../util/sorted-clone.js';
import { workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { onReplacedKarpenterPool } from '../../analysis/karpenter.js';
import { describeWorkload } from '../../analysis/workload.js';
import { SPOT_POOL } from './facts.js';
import { usesClaims } from '../../analysis/volumes.js';

const [SPOT_TAINT] = SPOT_POOL.taints;

/**
 * Fargate offers no Spot on EKS; Auto Mode does through custom NodePools (aws-facts §2 Spot row).
 * Only workloads that survive losing a node are proposed: stateless Deployments with at least two
 * replicas and a PodDisruptionBudget. Every candidate requests the identical pool, which the planner
 * merges by name. Moving onto Spot stays opt-in: the pool is tainted.
 */
export const autoModeSpotCandidateRule: Rule = {
  id: 'auto-mode-spot-candidate',
  title: 'Spot candidates',
  capability: 'spot',
  targets: ['auto-mode'],
  check(ctx) {
    const out: FindingDraft[] = [];
    // One copy of the pool for every candidate of this plan (thousands on a large estate), not one each.
    const request = sortedClone(SPOT_POOL);
    for (const w of movers(ctx)) {
      if (onReplacedKarpenterPool(ctx, w)) continue;
      if (w.kind !== 'Deployment' || (w.replicas ?? 0) < 2 || usesClaims(w)) continue;
      const spec = w.template.spec;
      // Accelerator and Arm workloads get pools of their own; this pool is amd64 C/M/R.
      if (needsGpu(spec) || needsNeuron(spec) || pinnedValues(spec, 'kubernetes.io/arch').includes('arm64')) continue;
      const pdbs = ctx.index.pdbsFor(w);
      if (pdbs.length === 0) continue;
      out.push({
        severity: 'gain',
        resource: workloadRef(w),
        message: `${describeWorkload(w)} is stateless, runs ${w.replicas} replicas and has PodDisruptionBudget ${pdbs[0]?.metadata.name}: a candidate for Spot capacity, which Fargate does not offer on EKS.`,
        remediation: `The plan adds NodePool ${SPOT_POOL.name} (capacity type spot, tainted ${SPOT_TAINT?.key}=${SPOT_TAINT?.value}:NoSchedule). To opt in, add the toleration and nodeSelector karpenter.sh/capacity-type: spot; with the toleration alone, pods may also use on-demand nodes of the general-purpose pool when Spot is short. Auto Mode handles Spot interruption notices.`,
        sources: [SOURCES.fargate],
        action: { request, type: 'capacity' },
      });
    }
    return out;
  },
};
