import type { Step } from '@modeshift/plan';
import { resourceKey } from '../rules/engine/run.js';
import type { PlanInput } from './plan-input.js';
import { makeStep } from './step.js';

export const REVIEW_DATA_IN_PODS = 'prerequisites/review-data-in-pods';

/**
 * A decision before anything restarts: the workloads whose data lives only as long as their pods (the
 * data-in-pods rules). On the way to Fargate the pinning before the waves already re-creates their pods,
 * so a review after the waves, or even in them, would come after the data is gone.
 */
export function reviewDataInPodsStep(input: PlanInput): Step | null {
  const findings = input.findings.filter((f) => f.rule === 'fargate-data-in-pods' || f.rule === 'auto-mode-data-in-pods');
  if (findings.length === 0) return null;
  const workloads = findings.flatMap((f) => (f.resource ? [resourceKey(f.resource)] : []));
  return makeStep({
    id: REVIEW_DATA_IN_PODS,
    title: `Save the data ${findings.length === 1 ? 'a workload keeps' : `${findings.length} workloads keep`} in its pods`,
    kind: 'review',
    why: 'The plan re-creates the pods of these workloads, and the data they keep in an emptyDir volume or in the container itself goes with the old pods: back it up (and restore it once the workload runs on the target), move it to a volume or store that outlives pods, or accept that it starts empty, before the plan first restarts them.',
    findings: findings.map((f) => f.id),
    workloads,
    verify: { command: '', expect: "each listed workload's data backed up, moved to storage that outlives pods, or accepted as lost" },
  });
}
