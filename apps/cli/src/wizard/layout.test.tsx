import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '@modeshift/core';
import { exampleCopy, KEY, startOnPlan, startWizard, testDeps, type Harness } from './__fixtures__/harness.js';
import { WizardModel } from './model.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

/** Every row of the frame fits the terminal: no line wider than `columns`, no more rows than the terminal has. */
function expectFits(frame: string, columns: number, rows: number): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
}

describe('layout', () => {
  it('fits 80×24 on every screen and in every mode', async () => {
    h = await startWizard({ cwd: join(exampleCopy(), '..') });
    const check = async (text: string | RegExp) => {
      await h!.see(text);
      expectFits(h!.frame(), 80, 24);
    };
    await check('Which inventory');
    await h.press(KEY.enter, 'inventory/');
    await check('Path: inventory/▏');
    await h.press(KEY.enter);
    await check('Enter continues');
    await h.press(KEY.enter);
    await check('Move them to');
    await h.press(KEY.enter);
    await check('Readiness');
    await h.press('4');
    await check('Findings: 49');
    await h.press(KEY.enter);
    await check('Finding (Esc');
    await h.press('5');
    await check('❯ ○ 1.1');
    await h.press('j', 'j', 'j', 'j', 'j', 'j', 'j', KEY.enter);
    await check('Why');
    await h.press('v', 'y');
    await check('Exit code 0');
    await h.press(KEY.esc, '6');
    await check('Export the plan');
    await h.press('?');
    await check('Keys (? or Esc');
  });

  it('fits a larger terminal and uses it: the step detail sits beside the list', async () => {
    h = await startOnPlan({ size: { columns: 140, rows: 40 } });
    await h.press('5');
    await h.see('❯ ○ 1.1');
    expectFits(h.frame(), 140, 40);
    const row = h
      .frame()
      .split('\n')
      .find((line) => line.includes('❯ ○ 1.1'));
    expect(row).toMatch(/❯ ○ 1\.1 .* {2}.*(authentication|API_AND_CONFIG_MAP|done|open)/);
    expect(h.frame()).toContain('Why');
  });

  it('stays responsive with 5,000 findings: only the visible rows are rendered', async () => {
    const inventory = exampleCopy();
    const model = new WizardModel(testDeps(join(inventory, '..')), { paths: [inventory] });
    await model.loadSource([inventory]);
    model.confirmDirection();
    const base = model.plan!.findings[0]!;
    const findings: Finding[] = Array.from({ length: 5000 }, (_, i) => ({
      ...base,
      id: `synthetic:${i}`,
      capability: (['iam', 'storage', 'networking', 'daemonset'] as const)[i % 4] as Finding['capability'],
      severity: (['blocker', 'change', 'advisory', 'gain'] as const)[i % 4]!,
      resource: { kind: 'Deployment', namespace: `team-${i % 97}`, name: `app-${i}` },
    }));
    model.plan = { ...model.plan!, findings };
    h = await startWizard({ model });
    await h.press('4');
    await h.see('Findings: 5000');
    expectFits(h.frame(), 80, 24);
    expect(h.frame().match(/Deployment\/team-/g)?.length ?? 0).toBeLessThanOrEqual(10);
    const started = performance.now();
    for (let i = 0; i < 20; i++) await h.press(KEY.pgdn);
    await h.see(/of 5004 ──/);
    await h.press('/', 'team-42', KEY.enter);
    await h.see(/Findings: \d+ of 5000/);
    expect(performance.now() - started).toBeLessThan(5000);
    expectFits(h.frame(), 80, 24);
  });
});
