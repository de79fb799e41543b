import { basename } from 'node:path';
import type { LoadResult } from './load.js';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * A plan of an inventory with no workloads says there is nothing to move and calls that ready: with a
 * wrong path, or manifests the reader skipped, that is a false all-clear. It is an input error instead,
 * naming what was read and what was skipped. Said only when nothing else is wrong with the input, and
 * not for an inventory whose collector could not read everything: its plan is already `incomplete`
 * and says what is missing.
 */
export function requireWorkloads(result: LoadResult, inputs: readonly string[]): LoadResult {
  const { workloads, notCollected } = result.inventory;
  if (workloads.length > 0 || notCollected.length > 0 || result.problems.some((p) => p.severity === 'error')) return result;
  const documents = result.files.reduce((n, f) => n + f.documents, 0);
  const skipped = result.problems.filter((p) => p.severity === 'skipped');
  const named = skipped.slice(0, 3).map((p) => `${basename(p.file)}${p.line ? `:${p.line}` : ''} (${p.message})`);
  const more = skipped.length > 3 ? `, and ${skipped.length - 3} more` : '';
  const message =
    `no workloads (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, Pods) in ${inputs.join(', ')}: ` +
    `read ${plural(result.files.length, 'file')} (${plural(documents, 'document')})` +
    (skipped.length > 0 ? `, skipped ${skipped.length}: ${named.join('; ')}${more}` : ', skipped none') +
    '; a plan needs the workloads: add them (kubectl get deploy,sts,ds,job,cronjob,pod -A -o yaml) or point at the right folder';
  const where = inputs.length === 1 ? inputs[0]! : inputs.join(', ');
  return { ...result, problems: [...result.problems, { file: where, line: null, severity: 'error', message }] };
}
