import type { FindingDraft, Rule } from '../engine/types.js';
import { SOURCES } from '../../capabilities/sources.js';
import { objectRef, workloadRef } from '../../analysis/refs.js';
import { describeWorkload } from '../../analysis/workload.js';
import { selfManagedKarpenter } from '../../analysis/karpenter.js';
import { anyMoving } from '../../analysis/fargate-scope.js';

/**
 * Moving to Fargate, self-managed Karpenter's NodePools empty as their workloads move: the planner
 * deletes those nothing stays on, then their EC2NodeClasses, and removes the controller last, once no
 * pool is left for it to run.
 */
export const fargateRetireKarpenterRule: Rule = {
  id: 'fargate-retire-karpenter',
  title: 'Self-managed Karpenter',
  capability: 'autoscaling',
  targets: ['fargate'],
  check(ctx) {
    const karpenter = selfManagedKarpenter(ctx.inventory);
    if (!karpenter || !anyMoving(ctx)) return [];
    const retire = { type: 'decommission' as const, task: { kind: 'retire-karpenter' as const } };
    const sources = [SOURCES.fargate];
    const out: FindingDraft[] = [];
    for (const pool of karpenter.pools)
      out.push({
        severity: 'change',
        resource: objectRef(pool),
        message: `NodePool ${pool.metadata.name} is self-managed Karpenter capacity that nothing needs once its workloads run on Fargate.`,
        remediation: `Delete it after every wave is verified (kubectl delete nodepool ${pool.metadata.name}); Karpenter drains and terminates its nodes. The plan keeps it while a workload that cannot move still runs on it.`,
        sources,
        action: retire,
      });
    for (const nc of karpenter.nodeClasses)
      out.push({
        severity: 'change',
        resource: objectRef(nc),
        message: `EC2NodeClass ${nc.metadata.name} is Karpenter's; it goes with the NodePools that use it.`,
        remediation: 'Delete it after those NodePools, before the controller.',
        sources,
        action: retire,
      });
    for (const w of karpenter.controllers)
      out.push({
        severity: 'change',
        resource: workloadRef(w),
        message: `${describeWorkload(w)} is the self-managed Karpenter controller; with its NodePools gone it has nothing to provision.`,
        remediation: 'Uninstall it last (helm uninstall, as it was installed), after its NodePools and EC2NodeClasses; keep it while a NodePool stays.',
        sources,
        action: retire,
      });
    return out;
  },
};
