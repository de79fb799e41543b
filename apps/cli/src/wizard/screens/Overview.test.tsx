import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleCopy, KEY, startOnPlan, type Harness } from '../__fixtures__/harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

describe('Overview screen', () => {
  it('shows the verdict, the counts by severity, what moves and a bar per stage', async () => {
    h = await startOnPlan();
    const frame = h.frame();
    expect(frame).toMatch(/Readiness: (BLOCKED|READY WITH CHANGES)/);
    expect(frame).toMatch(/Findings: \d+ blocker · \d+ change · \d+ advisory · \d+ gain/);
    expect(frame).toMatch(/Workloads: 13 · \d+ move · 0 stay · \d+ unchanged/);
    expect(frame).toMatch(/1 Prerequisites +░+ 0\/4/);
    expect(frame).toMatch(/5 Workload waves +░+ 0\/11/);
    await h.press(KEY.pgdn, KEY.pgdn);
    await h.see('Unchanged (4)');
  });

  it('says BLOCKED and lists what stays when workloads cannot move', async () => {
    h = await startOnPlan({ inventory: exampleCopy('auto-mode-to-fargate') });
    await h.see('BLOCKED');
    await h.press(KEY.pgdn);
    await h.see('Stay (5)');
    expect(h.frame()).toContain('Deployment/ops/legacy-billing: runs nowhere: no Fargate profile selects it');
    expect(h.frame()).not.toContain('stays on nowhere');
  });

  it('shows what the move costs, with a pair of bars per namespace on one scale', async () => {
    h = await startOnPlan();
    await h.see('Monthly compute: EKS on Fargate today $');
    await h.press(...'jjjjjjjj');
    await h.see('Monthly compute by namespace (▒ today, █ after the move)');
    const frame = h.frame();
    const row = frame.split('\n').find((l) => /^\s*shop\s+▒+/.test(l));
    expect(row, frame).toBeDefined();
    // The most expensive namespace's larger bar spans the whole scale; every other bar is shorter.
    const bars = frame.split('\n').flatMap((l) => /[▒█]{2,}/.exec(l)?.[0].length ?? []);
    expect(Math.max(...bars)).toBeGreaterThan(Math.min(...bars));
  });

  it('lists workloads Fargate cannot run as starting on Auto Mode, never as moving from Fargate', async () => {
    const inventory = exampleCopy();
    // A GPU Deployment the shop profile selects: Fargate cannot run it, so it is Pending there.
    writeFileSync(
      join(inventory, 'kubernetes', 'gpu.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: recommender, namespace: shop}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: recommender}}\n  template:\n    metadata: {labels: {app: recommender}}\n    spec:\n      containers:\n      - name: model\n        image: example/recommender:1\n        resources: {limits: {nvidia.com/gpu: "1"}}\n',
    );
    h = await startOnPlan({ inventory });
    await h.see(/Workloads: 14 · \d+ move · 1 start · /);
    await h.press(KEY.pgdn, KEY.pgdn);
    await h.see('Start (not running today) (1)');
    expect(h.frame()).toContain('Deployment/shop/recommender: starts on Auto Mode');
    expect(h.frame()).not.toMatch(/recommender: Fargate/);
  });

  it('goes on to the findings with Enter and back to the direction with Esc', async () => {
    h = await startOnPlan();
    await h.press(KEY.enter);
    await h.see('[4 Findings]');
    await h.press(KEY.esc);
    await h.see('[3 Overview]');
    await h.press('b');
    await h.see('Move them to');
  });
});
