import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContext, buildPlan } from '@modeshift/core';
import { loadInventory } from '@modeshift/inventory';
import { EXAMPLES } from '../testing.js';
import { costChart } from './cost-chart.js';

async function examplePlan(runTimes: Map<string, { hoursPerMonth: number; runs: number | null }> = new Map()) {
  const { inventory } = await loadInventory([join(EXAMPLES, 'fargate-to-auto-mode', 'inventory')]);
  return buildPlan(buildContext(inventory, { target: 'auto-mode', clusterVersion: null }), undefined, { runTimes });
}

describe('the overview’s cost chart', () => {
  it('names the CronJob it could not price and how to give its run time, wrapped to the width', async () => {
    const text = costChart(await examplePlan(), 60).map((l) => l.text);
    expect(text.every((t) => [...t].length <= 60)).toBe(true);
    expect(text.join(' ')).toContain('Not priced for want of a run time: CronJob/batch/nightly-report (the annotation modeshift.io/hours-per-month');
  });

  it('says nothing of it once the CronJob has a run time', async () => {
    const text = costChart(await examplePlan(new Map([['batch/nightly-report', { hoursPerMonth: 4, runs: 30 }]])), 80).map((l) => l.text);
    expect(text.join(' ')).not.toContain('Not priced for want of a run time');
    expect(text.join(' ')).toContain('batch');
  });
});
