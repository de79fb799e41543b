import { describe, expect, it } from 'vitest';
import { aWorkload, anInventory } from '../testing/builders.js';
import { fargateBilledHours, parseRunTime, parseRunTimesOption, runTimeOf, unknownRunTimeTargets } from './run-time.js';

describe('reading a run time', () => {
  it('reads pod-hours a month, whole or not', () => {
    expect(parseRunTime('4')).toEqual({ hoursPerMonth: 4, runs: null });
    expect(parseRunTime(' 0.5 ')).toEqual({ hoursPerMonth: 0.5, runs: null });
  });

  it('reads runs times their length, in hours, minutes and seconds', () => {
    expect(parseRunTime('30x8m')).toEqual({ hoursPerMonth: 4, runs: 30 });
    expect(parseRunTime('4x1h30m')).toEqual({ hoursPerMonth: 6, runs: 4 });
    expect(parseRunTime('720x90s')).toEqual({ hoursPerMonth: 18, runs: 720 });
  });

  it('says what is wrong with anything else', () => {
    for (const bad of ['', 'four', '-1', '3xx', '30x', 'x8m', '30x8', '30x0m', '1e3']) expect(parseRunTime(bad)).toHaveProperty('error');
  });
});

describe('--job-hours', () => {
  it('takes comma-separated entries, once or repeated', () => {
    const result = parseRunTimesOption(['batch/nightly-report=30x8m,batch/reindex=2', 'etl/load=1']);
    expect(result.ok && [...result.runTimes.entries()]).toEqual([
      ['batch/nightly-report', { hoursPerMonth: 4, runs: 30 }],
      ['batch/reindex', { hoursPerMonth: 2, runs: null }],
      ['etl/load', { hoursPerMonth: 1, runs: null }],
    ]);
  });

  it('names the entry that is not <namespace>/<name>=<run time>, or that is given twice', () => {
    expect(parseRunTimesOption(['nightly-report=2'])).toEqual({
      ok: false,
      error: expect.stringContaining('"nightly-report=2" is not <namespace>/<name>=<run time>') as string,
    });
    expect(parseRunTimesOption(['batch/x'])).toEqual({ ok: false, error: expect.stringContaining('"batch/x" is not') as string });
    expect(parseRunTimesOption(['batch/x=soon'])).toEqual({ ok: false, error: expect.stringMatching(/^batch\/x: "soon" is not a run time/) as string });
    expect(parseRunTimesOption(['batch/x=1,batch/x=2'])).toEqual({ ok: false, error: 'batch/x is given twice' });
  });

  it('finds the entries that name no Job or CronJob of the inventory', () => {
    const inventory = anInventory({
      workloads: [aWorkload({ kind: 'CronJob', namespace: 'batch', name: 'report' }), aWorkload({ namespace: 'batch', name: 'web' })],
    });
    const parsed = parseRunTimesOption(['batch/report=1,batch/web=1,batch/typo=1']);
    expect(parsed.ok && unknownRunTimeTargets(inventory, parsed.runTimes)).toEqual(['batch/typo', 'batch/web']);
  });
});

describe('the run time of a Job or CronJob', () => {
  const cron = (annotations: Record<string, string> = {}, podAnnotations: Record<string, string> = {}) =>
    aWorkload({ kind: 'CronJob', namespace: 'batch', name: 'report', annotations, podAnnotations });

  it('is the option’s, then the object’s annotation, then its pod template’s', () => {
    const option = new Map([['batch/report', { hoursPerMonth: 3, runs: null }]]);
    expect(runTimeOf(cron({ 'modeshift.io/hours-per-month': '9' }), option)).toEqual({ hoursPerMonth: 3, runs: null, from: 'option' });
    expect(runTimeOf(cron({ 'modeshift.io/hours-per-month': '9' }, { 'modeshift.io/hours-per-month': '5' }), new Map())).toEqual({
      hoursPerMonth: 9,
      runs: null,
      from: 'annotation',
    });
    expect(runTimeOf(cron({}, { 'modeshift.io/hours-per-month': '30x10m' }), new Map())).toEqual({ hoursPerMonth: 5, runs: 30, from: 'annotation' });
  });

  it('is missing, saying how to give it, without either', () => {
    expect(runTimeOf(cron(), new Map())).toEqual({ missing: expect.stringContaining('--job-hours batch/report=<hours a month') as string });
    expect(runTimeOf(cron({ 'modeshift.io/hours-per-month': 'daily' }), new Map())).toEqual({
      missing: expect.stringContaining('its annotation modeshift.io/hours-per-month cannot be read: "daily" is not a run time') as string,
    });
  });
});

describe('what Fargate bills for a run time', () => {
  it('rounds each run up to the second', () => {
    expect(fargateBilledHours({ hoursPerMonth: (3 * 61.5) / 3600, runs: 3 })).toBeCloseTo((3 * 62) / 3600, 12);
  });

  it('bills each run one minute at least', () => {
    expect(fargateBilledHours({ hoursPerMonth: (100 * 10) / 3600, runs: 100 })).toBeCloseTo(100 / 60, 12);
    expect(fargateBilledHours({ hoursPerMonth: 1, runs: 60 })).toBeCloseTo(1, 12);
  });

  it('rounds hours alone up to the second, with no minimum it could know', () => {
    expect(fargateBilledHours({ hoursPerMonth: 0.0001, runs: null })).toBeCloseTo(1 / 3600, 12);
    expect(fargateBilledHours({ hoursPerMonth: 4, runs: null })).toBe(4);
    expect(fargateBilledHours({ hoursPerMonth: 0, runs: 0 })).toBe(0);
  });
});
