import type { Step } from '@modeshift/plan';
import { finishedRuns } from '../analysis/finished-runs.js';
import type { Workload } from '../inventory/types.js';
import { sh } from '../util/shell.js';
import { groupBy, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';

/**
 * Jobs the plan leaves where they run because the inventory does not show that they have completed
 * (finished-runs.ts): the decommission stage removes the capacity they run on, so it waits for them.
 * `kubectl wait` only reads: a Job that failed, or never ends, stops the plan here for a person to decide.
 */
export function waitForJobsStep(input: PlanInput, after: string[]): Step | null {
  const jobs = finishedRuns(input.ctx).filter((w) => w.kind === 'Job' && w.finished === null);
  if (jobs.length === 0) return null;
  const byNamespace = groupBy(jobs, (w: Workload) => w.metadata.namespace);
  const commands = [...byNamespace].map(
    ([ns, list]) => sh`kubectl wait --for=condition=complete --timeout=24h -n ${ns} ${list.map((w) => `job/${w.metadata.name}`)}`,
  );
  return makeStep({
    id: 'verification/jobs-finished',
    title: `Wait for ${jobs.length} Job${jobs.length === 1 ? '' : 's'} the plan leaves where ${jobs.length === 1 ? 'it runs' : 'they run'} to finish`,
    kind: 'verify',
    why: 'The inventory does not show whether these Jobs have completed, so the plan does not re-create them (that would run them again); the capacity they run on goes in the decommission stage, so they must have finished first.',
    dependsOn: after,
    commands,
    verify: { command: 'kubectl get jobs -A', expect: 'each of these Jobs shows all its completions' },
    workloads: jobs.map((w) => w.key),
  });
}
