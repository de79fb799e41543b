import type { WorkloadEdit } from '@modeshift/plan';
import { isBuiltInWorkload, type Workload } from '../../inventory/types.js';
import { COMPUTE_TYPE_ANNOTATION } from '../../placement/fargate-profiles.js';
import type { Rule, RuleContext } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { listOf } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { CAPACITY_TYPE_LABEL, isEc2OnlyLabel, isSpotRequirement, nodeAffinityRequirements } from '../../analysis/ec2-labels.js';
import { currentNodePool, movingWorkloads } from '../../analysis/fargate-scope.js';

function whenItMoves(w: Workload): string {
  // An operator's custom resource: its operator re-creates the pods from the edited template.
  if (!isBuiltInWorkload(w)) return 'when its operator re-creates its pods';
  switch (w.kind) {
    case 'Job':
    case 'CronJob':
      return 'from its next run';
    case 'Pod':
      return 'when it is re-created';
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
      return 'when its pods restart';
  }
}

/** Labels of the NodePool the workload runs on: only that pool's nodes carry them. */
function poolLabels(ctx: RuleContext, w: Workload): Record<string, string> {
  const pool = currentNodePool(ctx, w);
  return (pool ? ctx.index.nodePool(pool)?.spec.template?.metadata?.labels : undefined) ?? {};
}

/**
 * Every moving workload gets one finding: which profile takes it, and the edits that strip what only
 * EC2 nodes satisfy. Fargate places pods by profile, affinity does not apply there, and its handling
 * of an unsatisfiable nodeSelector is not documented (aws-facts §7.4), so those selectors go. The
 * move itself is a restart, which the planner adds. Spot selectors are fargate-spot's.
 */
export const fargateSchedulingRule: Rule = {
  id: 'fargate-scheduling',
  title: 'Workloads moving to Fargate',
  capability: 'scheduling',
  targets: ['fargate'],
  check(ctx) {
    const existing = new Set(ctx.inventory.fargateProfiles.map((p) => p.name));
    return movingWorkloads(ctx).flatMap((w) => {
      const target = ctx.placement.workloads.get(w.key)?.target;
      if (target?.type !== 'fargate') return [];
      const spec = w.template.spec;
      const labels = poolLabels(ctx, w);
      const ec2Only = (key: string, value?: string) =>
        (isEc2OnlyLabel(key) && !(key === CAPACITY_TYPE_LABEL && value === 'spot') && !(key === COMPUTE_TYPE_ANNOTATION && value === 'fargate')) ||
        (labels[key] !== undefined && (value === undefined || labels[key] === value));
      const edits: WorkloadEdit[] = [];
      const what: string[] = [];
      const selectors = Object.entries(spec.nodeSelector ?? {}).filter(([k, v]) => ec2Only(k, v));
      // Keys in sorted order, as the plan JSON writes them: every moving workload gets this finding.
      for (const [key] of selectors) edits.push({ key, op: 'remove-node-selector' });
      if (selectors.length > 0) what.push(`nodeSelector ${listOf(selectors.map(([k, v]) => `${k}: ${v}`))}`);
      if (nodeAffinityRequirements(spec).some((r) => !isSpotRequirement(r) && ec2Only(r.key))) {
        edits.push({ op: 'remove-node-affinity' });
        what.push('node affinity on EC2 node labels');
      }
      // A new profile would take the pods at any restart after it exists, before the waves' fixes, the
      // security groups or the log router are in place: the plan pins them to EC2 first, and the wave unpins.
      const pinned = w.template.metadata.annotations[COMPUTE_TYPE_ANNOTATION] === 'ec2';
      const pinnedByPlan = !pinned && !existing.has(target.profile);
      if (pinned) what.push(`the pod annotation ${COMPUTE_TYPE_ANNOTATION}: ec2, which keeps pods off Fargate`);
      if (pinned || pinnedByPlan) edits.push({ key: COMPUTE_TYPE_ANNOTATION, op: 'remove-pod-annotation' });
      const profile = existing.has(target.profile) ? `Fargate profile ${target.profile}` : `the new Fargate profile ${target.profile}`;
      const pinning = pinnedByPlan
        ? ` Until its wave, the pod annotation ${COMPUTE_TYPE_ANNOTATION}: ec2 (set before the profile exists) keeps it on EC2, so the profile takes it only with everything it needs in place; the wave removes the annotation.`
        : '';
      return [
        {
          severity: 'change' as const,
          resource: workloadRef(w),
          message: `${describeWorkload(w)} moves to ${profile} ${whenItMoves(w)}${what.length > 0 ? `; first the plan removes ${listOf(what)}` : ''}.${pinning}`,
          remediation:
            what.length > 0
              ? 'Fargate places pods by profile (namespace and labels), not by node labels, so selectors that only EC2 nodes satisfy are removed before the restart.'
              : pinnedByPlan
                ? 'Nothing else to edit: the wave removes the annotation and new pods land on Fargate.'
                : 'Nothing to edit: once the profile is active, new pods land on Fargate.',
          action: { edits, type: 'workload' as const },
        },
      ];
    });
  },
};
