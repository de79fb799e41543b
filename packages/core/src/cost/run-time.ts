// How long Jobs and CronJobs run in a month. A Job costs what its runs take, which nothing in the
// cluster says, so the operator tells it: `--job-hours batch/nightly-report=30x8m` or the annotation
// `modeshift.io/hours-per-month: "4"` on the Job or CronJob. Either value reads the same:
//   "<hours>"           pod-hours a month (all runs and all their pods together), e.g. "4" or "0.5";
//   "<runs>x<duration>" pod runs a month of that length each, e.g. "30x8m", "720x90s", "4x1h30m".
// Runs known, Fargate's per-pod billing (per second, one minute at least) is applied to each run.
import type { Inventory, Workload } from '../inventory/types.js';

export const RUN_TIME_ANNOTATION = 'modeshift.io/hours-per-month';

/** A run time as given, before it is matched to a workload. */
export interface RunTimeValue {
  /** Pod-hours a month. */
  hoursPerMonth: number;
  /** Pod runs a month when given as `<runs>x<duration>`; null when only hours were given. */
  runs: number | null;
}

export interface RunTime extends RunTimeValue {
  from: 'option' | 'annotation';
}

/** Workloads a run time can be given for: those that run to completion and are built in. */
export const isRunToCompletion = (w: Pick<Workload, 'kind'>): boolean => w.kind === 'Job' || w.kind === 'CronJob';

const NUMBER = '(\\d+(?:\\.\\d+)?)';
const HOURS = new RegExp(`^${NUMBER}$`);
const RUNS = /^(\d+)x((?:\d+(?:\.\d+)?[hms])+)$/;
const DURATION_PART = /(\d+(?:\.\d+)?)([hms])/g;
const SECONDS = { h: 3600, m: 60, s: 1 } as const;

/** Reads "4", "0.5", "30x8m", "4x1h30m"; a message saying what is wrong otherwise. */
export function parseRunTime(text: string): RunTimeValue | { error: string } {
  const value = text.trim();
  const hours = HOURS.exec(value);
  if (hours) {
    const n = Number(hours[1]);
    return Number.isFinite(n) ? { hoursPerMonth: n, runs: null } : { error: `${value} hours is not a number of hours` };
  }
  const runs = RUNS.exec(value);
  if (runs) {
    let seconds = 0;
    for (const [, amount, unit] of runs[2]!.matchAll(DURATION_PART)) seconds += Number(amount) * SECONDS[unit as keyof typeof SECONDS];
    const count = Number(runs[1]);
    const hoursPerMonth = (count * seconds) / 3600;
    if (!(seconds > 0)) return { error: `a run of ${runs[2]} takes no time` };
    return Number.isFinite(hoursPerMonth) ? { hoursPerMonth, runs: count } : { error: `${value} is not a number of hours` };
  }
  return { error: `"${value}" is not a run time: give hours a month ("4", "0.5") or runs times their length ("30x8m", "4x1h30m")` };
}

/** `batch/nightly-report` → its run time; the workloads' namespace and name, whatever their kind. */
export type RunTimes = ReadonlyMap<string, RunTimeValue>;

/**
 * `--job-hours batch/nightly-report=30x8m,batch/reindex=2`: entries by `namespace/name`. Throws
 * nothing: a message naming the entry is returned for the CLI to report.
 */
export function parseRunTimesOption(texts: readonly string[]): { ok: true; runTimes: Map<string, RunTimeValue> } | { ok: false; error: string } {
  const runTimes = new Map<string, RunTimeValue>();
  for (const entry of texts.flatMap((t) => t.split(',')).map((e) => e.trim())) {
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    const target = eq === -1 ? entry : entry.slice(0, eq).trim();
    if (eq === -1 || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(target)) {
      return { ok: false, error: `"${entry}" is not <namespace>/<name>=<run time> (e.g. batch/nightly-report=30x8m)` };
    }
    const value = parseRunTime(entry.slice(eq + 1));
    if ('error' in value) return { ok: false, error: `${target}: ${value.error}` };
    if (runTimes.has(target)) return { ok: false, error: `${target} is given twice` };
    runTimes.set(target, value);
  }
  return { ok: true, runTimes };
}

/** Entries that name no Job or CronJob of the inventory: a typo would otherwise leave a Job unpriced without a word. */
export function unknownRunTimeTargets(inventory: Pick<Inventory, 'workloads'>, runTimes: RunTimes): string[] {
  const known = new Set(inventory.workloads.filter(isRunToCompletion).map((w) => `${w.metadata.namespace}/${w.metadata.name}`));
  return [...runTimes.keys()].filter((k) => !known.has(k)).sort();
}

/**
 * The run time of a Job or CronJob: the option's, else its annotation's (on the object, else on its
 * pod template). A string says why there is none that can be used.
 */
export function runTimeOf(w: Workload, given: RunTimes): RunTime | { missing: string } {
  const option = given.get(`${w.metadata.namespace}/${w.metadata.name}`);
  if (option) return { ...option, from: 'option' };
  const annotation = w.metadata.annotations[RUN_TIME_ANNOTATION] ?? w.template.metadata.annotations[RUN_TIME_ANNOTATION];
  if (annotation === undefined) {
    return {
      missing: `a ${w.kind} costs what its runs take, and its run time is not known: give it with --job-hours ${w.metadata.namespace}/${w.metadata.name}=<hours a month, or runs x length such as 30x8m>, or the annotation ${RUN_TIME_ANNOTATION}`,
    };
  }
  const value = parseRunTime(annotation);
  if ('error' in value) return { missing: `its annotation ${RUN_TIME_ANNOTATION} cannot be read: ${value.error}` };
  return { ...value, from: 'annotation' };
}

/** Fargate bills a pod from its image pull to its end, per second, at least a minute (aws-facts §8). */
const FARGATE_MINIMUM_SECONDS = 60;

/** The pod-hours Fargate bills for a run time: each run rounded up to the second, one minute at least. */
export function fargateBilledHours(runTime: RunTimeValue): number {
  if (runTime.runs === null) return Math.ceil(runTime.hoursPerMonth * 3600 - 1e-6) / 3600;
  if (runTime.runs === 0) return 0;
  const perRun = Math.max(FARGATE_MINIMUM_SECONDS, Math.ceil((runTime.hoursPerMonth * 3600) / runTime.runs - 1e-6));
  return (runTime.runs * perRun) / 3600;
}
