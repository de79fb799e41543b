// The cost section of a plan with many Jobs and CronJobs: what was left out, and the run times given,
// read as a few lines however many there are; the plan JSON keeps one entry per workload.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/build-plan.js';
import { aCluster, aFargateInventory, aWorkload, contextFor } from '../testing/builders.js';
import { renderMarkdown } from './markdown/index.js';
import { renderText } from './text.js';

const cluster = aCluster({ region: 'us-east-1', arn: 'arn:aws:eks:us-east-1:111122223333:cluster/demo' });
const sized = { name: 'report', image: 'report', resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } } };

function planOf(cronJobs: number, annotations: Record<string, string> = {}) {
  const workloads = Array.from({ length: cronJobs }, (_, i) =>
    aWorkload({ kind: 'CronJob', namespace: 'batch', name: `report-${String(i).padStart(2, '0')}`, containers: [sized], annotations }),
  );
  return buildPlan(contextFor(aFargateInventory(workloads, { cluster }), 'auto-mode'));
}

describe('the cost of a plan with many Jobs and CronJobs', () => {
  it('gives the CronJobs without a run time one row in the Markdown, naming twenty and pointing to the JSON for the rest', () => {
    const plan = planOf(30);
    expect(plan.cost?.excluded).toHaveLength(30);
    const md = renderMarkdown(plan);
    const rows = md.split('\n').filter((l) => l.includes('its run time is not known (how to give one: see above)'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('| 30: `CronJob/batch/report-00`, ');
    expect(rows[0]).toContain('`CronJob/batch/report-19` and 10 more |');
    expect(md).toContain("The plan JSON's `cost.excluded` names every one.");
  });

  it('counts the run times given in the text when they are many, and lists each with --verbose', () => {
    const plan = planOf(13, { 'modeshift.io/hours-per-month': '8' });
    expect(plan.cost?.runTimes).toHaveLength(13);
    expect(renderText(plan)).toContain('  13 Jobs and CronJobs priced for the run time given: --verbose, the JSON or the Markdown plan names each');
    // Wrapped lines joined again: the width may break the sentence anywhere.
    const verbose = renderText(plan, { color: false, verbose: true }).replace(/\n +/g, ' ');
    expect(verbose).toContain(' CronJob/batch/report-12 priced for 8 pod-hours a month, from the annotation modeshift.io/hours-per-month');
  });
});
