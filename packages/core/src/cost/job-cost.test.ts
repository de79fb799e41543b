import { describe, expect, it } from 'vitest';
import type { Workload } from '../inventory/types.js';
import { buildPlan } from '../plan/build-plan.js';
import { aCluster, aFargateInventory, aWorkload, contextFor } from '../testing/builders.js';
import { BUNDLED_PRICES } from './bundled-prices.js';
import { fargatePodPrice } from './fargate-price.js';
import type { RunTimeValue } from './run-time.js';

const cluster = aCluster({ region: 'us-east-1', arn: 'arn:aws:eks:us-east-1:111122223333:cluster/demo' });
const sized = { name: 'report', image: 'report', resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } } };
const report = (options: Partial<Parameters<typeof aWorkload>[0]> = {}) =>
  aWorkload({ kind: 'CronJob', namespace: 'batch', name: 'report', containers: [sized], ...options });

function costOf(workloads: Workload[], runTimes: [string, RunTimeValue][] = []) {
  const plan = buildPlan(contextFor(aFargateInventory(workloads, { cluster }), 'auto-mode'), undefined, { runTimes: new Map(runTimes) });
  return plan.cost!;
}
const batch = (cost: ReturnType<typeof costOf>) => cost.byNamespace.find((n) => n.namespace === 'batch');

describe('Jobs and CronJobs in the cost estimate', () => {
  it('leaves out a CronJob with no run time, names it and says how to give one', () => {
    const cost = costOf([report()]);
    expect(batch(cost)).toBeUndefined();
    expect(cost.withoutRunTime).toEqual(['CronJob/batch/report']);
    expect(cost.excluded).toContainEqual({ workload: 'CronJob/batch/report', reason: expect.stringContaining('--job-hours batch/report=') as string });
    expect(cost.assumptions.some((a) => a.includes('without a run time are not priced'))).toBe(true);
  });

  it('prices it on Fargate per pod-second for the hours given, one minute at least a run', () => {
    const hourly = fargatePodPrice(report().template.spec, BUNDLED_PRICES.fargate)!.hourly;
    expect(batch(costOf([report()], [['batch/report', { hoursPerMonth: 4, runs: 30 }]]))?.source).toBe(Math.round(hourly * 4 * 100) / 100);
    // 600 runs of 10 s each are billed 600 minutes.
    expect(batch(costOf([report()], [['batch/report', { hoursPerMonth: 600 * (10 / 3600), runs: 600 }]]))?.source).toBe(Math.round(hourly * 10 * 100) / 100);
  });

  it('reads the run time from the annotation modeshift.io/hours-per-month, and the option wins over it', () => {
    const annotated = report({ annotations: { 'modeshift.io/hours-per-month': '8' } });
    const fromAnnotation = costOf([annotated]);
    expect(fromAnnotation.runTimes).toEqual([{ workload: 'CronJob/batch/report', hoursPerMonth: 8, runs: null, from: 'annotation' }]);
    expect(fromAnnotation.withoutRunTime).toEqual([]);
    const fromOption = costOf([annotated], [['batch/report', { hoursPerMonth: 4, runs: null }]]);
    expect(fromOption.runTimes).toEqual([{ workload: 'CronJob/batch/report', hoursPerMonth: 4, runs: null, from: 'option' }]);
    expect(batch(fromOption)!.source * 2).toBeCloseTo(batch(fromAnnotation)!.source, 1);
  });

  it('on Auto Mode, pays for its hours alone: twice the hours, twice the cost', () => {
    const four = batch(costOf([report()], [['batch/report', { hoursPerMonth: 4, runs: null }]]))!.target;
    const eight = batch(costOf([report()], [['batch/report', { hoursPerMonth: 8, runs: null }]]))!.target;
    expect(four).toBeGreaterThan(0);
    expect(eight).toBeCloseTo(four * 2, 1);
  });

  it('on Auto Mode, costs less sharing nodes with other pods than alone in its pool', () => {
    const alone = batch(costOf([report()], [['batch/report', { hoursPerMonth: 100, runs: null }]]))!.target;
    const neighbours = [aWorkload({ namespace: 'batch', name: 'api', replicas: 6, containers: [{ ...sized, name: 'api' }] })];
    const shared = costOf([report(), ...neighbours], [['batch/report', { hoursPerMonth: 100, runs: null }]]);
    const api = costOf(neighbours);
    expect(batch(shared)!.target - batch(api)!.target).toBeGreaterThan(0);
    expect(batch(shared)!.target - batch(api)!.target).toBeLessThan(alone);
    // The always-running pods pay what they paid without it: the Job's share is its own.
    expect(shared.packing).toEqual(api.packing);
  });

  it('leaves out a Job that has run to its end, even with a run time, and does not ask for one', () => {
    const done = aWorkload({ kind: 'Job', namespace: 'batch', name: 'reindex', containers: [sized], finished: 'succeeded' });
    const cost = costOf([done], [['batch/reindex', { hoursPerMonth: 3, runs: null }]]);
    expect(cost.withoutRunTime).toEqual([]);
    expect(cost.runTimes).toEqual([]);
    expect(cost.excluded).toEqual([{ workload: 'Job/batch/reindex', reason: expect.stringContaining('has run to its end') as string }]);
  });

  it('gives the same section twice for the same input', () => {
    const runTimes: [string, RunTimeValue][] = [['batch/report', { hoursPerMonth: 4, runs: 30 }]];
    expect(JSON.stringify(costOf([report()], runTimes))).toBe(JSON.stringify(costOf([report()], runTimes)));
  });
});
