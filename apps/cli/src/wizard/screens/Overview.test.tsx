import { afterEach, describe, expect, it } from 'vitest';
import { exampleCopy, KEY, startOnPlan, type Harness } from '../__fixtures__/harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

describe('Overview screen', () => {
  it('shows the verdict, the counts by severity, what moves and a bar per stage', async () => {
    h = await startOnPlan();
    const frame = h.frame();
    expect(frame).toContain('Readiness: READY WITH CHANGES');
    expect(frame).toContain('Findings: 0 blocker · 29 change · 10 advisory · 10 gain');
    expect(frame).toContain('Workloads: 13 · 10 move · 0 stay · 3 unchanged');
    expect(frame).toMatch(/1 Prerequisites +░+ 0\/3/);
    expect(frame).toMatch(/5 Workload waves +░+ 0\/8/);
    await h.press(KEY.pgdn, KEY.pgdn);
    await h.see('Unchanged (3)');
  });

  it('says BLOCKED and lists what stays when workloads cannot move', async () => {
    h = await startOnPlan({ inventory: exampleCopy('auto-mode-to-fargate') });
    await h.see('BLOCKED');
    await h.press(...'jjjjjjjjjj');
    await h.see('Stay (5)');
    expect(h.frame()).toContain('Deployment/ops/legacy-billing: runs nowhere: no Fargate profile selects it');
    expect(h.frame()).not.toContain('stays on nowhere');
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
