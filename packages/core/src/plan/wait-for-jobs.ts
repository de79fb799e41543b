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
 * Polls each Job until it has a Complete or a Failed condition, is suspended, or is gone (a Job deleted by
 * its ttlSecondsAfterFinished has finished), and says which. `kubectl wait` waits for one condition only:
 * waiting for Complete held a Job that had failed (and so runs nothing more) until its 24-hour timeout. It
 * only reads; a Job that never ends keeps the step open, saying so at every poll, for a person to decide.
 */
function untilFinished(namespace: string, jobs: string[]): string {
  // The name first, so a Job that is gone answers nothing at all.
  const state = sh`kubectl get job "$j" -n ${namespace} --ignore-not-found -o jsonpath='{.metadata.name}{" "}{.spec.suspend}{" "}{.status.conditions[?(@.status=="True")].type}'`;
  // What the loop says of a Job: the namespace quoted as a word, the rest inside double quotes for $j.
  const say = (text: string) => `echo ${sh`${namespace}`}"/$j: ${text}"`;
  return [
    `for j in ${sh`${jobs}`}; do`,
    `until s=$(${state}) && case "$s" in '') ${say('gone (deleted, finished)')}; true ;; *Complete*) ${say('complete')}; true ;; *Failed*) ${say('FAILED, decide whether it must run again before its capacity goes')}; true ;; *' true '*) ${say('suspended, runs nothing until resumed')}; true ;; *) ${say('still running')}; false ;; esac; do sleep 30; done;`,
    'done',
  ].join(' ');
}

/** The decommission stage removes the capacity those Jobs run on, so the plan waits for them first. */
export function waitForJobsStep(input: PlanInput, after: string[]): Step | null {
  const jobs = unfinishedJobFindings(input.findings).flatMap((finding) =>
    finding.resource?.namespace ? [{ finding, namespace: finding.resource.namespace, name: finding.resource.name }] : [],
  );
  if (jobs.length === 0) return null;
  const byNamespace = groupBy(jobs, (j) => j.namespace);
  const commands = [...byNamespace].map(([ns, list]) =>
    untilFinished(
      ns,
      list.map((j) => j.name),
    ),
  );
  return makeStep({
    id: 'verification/jobs-finished',
    title: `Wait for ${jobs.length} Job${jobs.length === 1 ? '' : 's'} the plan leaves where ${jobs.length === 1 ? 'it runs' : 'they run'} to finish`,
    kind: 'verify',
    why: 'The inventory does not show whether these Jobs have completed, so the plan does not re-create them (that would run them again); the capacity they run on goes in the decommission stage, so they must have finished first.',
    dependsOn: after,
    commands,
    verify: {
      command: 'kubectl get jobs -A',
      expect: 'each of these Jobs finished: all its completions, or failed (then decide whether it must run again before the capacity it ran on goes)',
    },
    findings: ids(jobs),
    workloads: jobs.map((j) => `Job/${j.namespace}/${j.name}`),
  });
}
