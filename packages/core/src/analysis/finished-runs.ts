// Jobs and bare Pods that have already run to their end: both directions leave them alone.
import type { Workload } from '../inventory/types.js';
import type { FindingDraft, RuleContext } from '../rules/engine/types.js';
import { workloadRef } from './refs.js';
import { describeWorkload } from './workload.js';

/** The finished runs not on the target already, in inventory order: the ones a plan might wrongly move. */
export const finishedRuns = (ctx: RuleContext): Workload[] =>
  ctx.inventory.workloads.filter((w) => w.finished !== null && ctx.placement.workloads.get(w.key)?.current.type !== ctx.target);

/**
 * Nothing of a finished Job runs any more, so there is nothing to move; re-creating it would run it
 * again (a one-off `reindex --all` on production), and an exported Job re-applied with its
 * controller-uid selector is rejected anyway. The plan says so and leaves it where it is.
 */
export function finishedRunDraft(w: Workload, ctx: RuleContext): FindingDraft {
  const target = ctx.target === 'fargate' ? 'Fargate' : 'Auto Mode';
  const how = w.finished === 'failed' ? 'failed' : 'completed';
  return {
    severity: 'advisory',
    resource: workloadRef(w),
    message: `${describeWorkload(w)} has already ${how}: nothing of it runs any more, so the plan neither moves nor re-creates it (re-creating it would run it again).`,
    remediation: `Leave it as it is; delete it once its record and logs are no longer needed. If it must run again, start a new ${w.kind} from its source manifest (not the exported object, whose controller-uid selector is rejected); it then runs on ${target} like any new pod.`,
    action: { type: 'review' },
  };
}
