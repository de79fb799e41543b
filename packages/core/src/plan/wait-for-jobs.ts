import type { Finding, Step } from '@modeshift/plan';
import { autoModeFinishedJobsRule } from '../rules/scheduling/auto-mode-finished-jobs.js';
import { fargateFinishedJobsRule } from '../rules/scheduling/fargate-finished-jobs.js';
import { sh } from '../util/shell.js';
import { groupBy, ids, type PlanInput } from './plan-input.js';
import { makeStep } from './step.js';

const JOB_RULES: ReadonlySet<string> = new Set([autoModeFinishedJobsRule.id, fargateFinishedJobsRule.id]);

/**
 * The findings of Jobs the plan leaves where they run because the inventory does not show that they
 * have completed (finished-runs.ts: a change to review; a Job seen finished is only an advisory).
 * The wait step below answers them, so the general review of changes does not list them again.
 */
export function unfinishedJobFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => JOB_RULES.has(f.rule) && f.severity === 'change');
}

/**
 * The decommission stage removes the capacity those Jobs run on, so the plan waits for them first.
 * `kubectl wait` only reads: a Job that failed, or never ends, stops the plan here for a person to decide.
 */
export function waitForJobsStep(input: PlanInput, after: string[]): Step | null {
  const jobs = unfinishedJobFindings(input.findings).flatMap((finding) =>
    finding.resource?.namespace ? [{ finding, namespace: finding.resource.namespace, name: finding.resource.name }] : [],
  );
  if (jobs.length === 0) return null;
  const byNamespace = groupBy(jobs, (j) => j.namespace);
  const commands = [...byNamespace].map(([ns, list]) => sh`kubectl wait --for=condition=complete --timeout=24h -n ${ns} ${list.map((j) => `job/${j.name}`)}`);
  return makeStep({
    id: 'verification/jobs-finished',
    title: `Wait for ${jobs.length} Job${jobs.length === 1 ? '' : 's'} the plan leaves where ${jobs.length === 1 ? 'it runs' : 'they run'} to finish`,
    kind: 'verify',
    why: 'The inventory does not show whether these Jobs have completed, so the plan does not re-create them (that would run them again); the capacity they run on goes in the decommission stage, so they must have finished first.',
    dependsOn: after,
    commands,
    verify: { command: 'kubectl get jobs -A', expect: 'each of these Jobs shows all its completions' },
    findings: ids(jobs),
    workloads: jobs.map((j) => `Job/${j.namespace}/${j.name}`),
  });
}
