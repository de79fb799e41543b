// Jobs and bare Pods that have already run to their end: both directions leave them alone.
import type { Workload } from '../inventory/types.js';
import type { FindingDraft, RuleContext } from '../rules/engine/types.js';
import { workloadRef } from './refs.js';
import { describeWorkload } from './workload.js';

/**
 * Whether the plan leaves the workload where it is because it runs once: a finished Job or bare Pod,
 * and every Job, since re-creating one (its pod template is immutable) runs it again. An export
 * without status cannot say whether a Job has completed, so it is never re-created blindly.
 */
export const runsOnce = (w: Workload): boolean => w.finished !== null || w.kind === 'Job';

/** The one-off runs not on the target already, in inventory order: the ones a plan might wrongly move. */
export const finishedRuns = (ctx: RuleContext): Workload[] =>
  ctx.inventory.workloads.filter((w) => runsOnce(w) && ctx.placement.workloads.get(w.key)?.current.type !== ctx.target);

/**
 * Nothing of a finished Job runs any more, so there is nothing to move; re-creating it would run it
 * again (a one-off `reindex --all` on production), and an exported Job re-applied with its
 * controller-uid selector is rejected anyway. The plan says so and leaves it where it is.
 */
export function finishedRunDraft(w: Workload, ctx: RuleContext): FindingDraft {
  const target = ctx.target === 'fargate' ? 'Fargate' : 'Auto Mode';
  if (w.finished === null) return unfinishedJobDraft(w, target);
  const how = w.finished === 'failed' ? 'failed' : 'completed';
  return {
    severity: 'advisory',
    resource: workloadRef(w),
    message: `${describeWorkload(w)} has already ${how}: nothing of it runs any more, so the plan neither moves nor re-creates it (re-creating it would run it again).`,
    remediation: `Leave it as it is; delete it once its record and logs are no longer needed. If it must run again, start a new ${w.kind} from its source manifest (not the exported object, whose controller-uid selector is rejected); it then runs on ${target} like any new pod.`,
    action: { type: 'review' },
  };
}

/**
 * A Job whose end the inventory does not show (exported without status, or still running): the
 * plan cannot tell a finished one-off from a running one, and re-creating either runs it again. It
 * is left to finish where it runs; the operator confirms it has before that capacity goes.
 */
function unfinishedJobDraft(w: Workload, target: string): FindingDraft {
  return {
    severity: 'change',
    resource: workloadRef(w),
    message: `${describeWorkload(w)}: the inventory does not show whether it has completed, so the plan neither moves nor re-creates it (re-creating a Job runs it again); it finishes where it runs.`,
    remediation: `Before the decommission steps remove the capacity it runs on, check that it has finished (\`kubectl get jobs -n <namespace>\` shows its completions; \`kubectl wait --for=condition=complete job/<name>\` waits for it). If it must run again, start a new Job from its source manifest; it then runs on ${target} like any new pod.`,
    action: { type: 'review' },
  };
}
