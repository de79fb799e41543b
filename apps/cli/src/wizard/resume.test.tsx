import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressState } from './state-file.js';
import { exampleCopy, KEY, startOnPlan, startWizard, type Harness } from './__fixtures__/harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

const statePath = (inventory: string) => join(inventory, '.modeshift-state.json');

async function sessionWithProgress(): Promise<string> {
  const first = await startOnPlan();
  await first.press('5', 'd', 'd', 'q');
  await first.see('Progress saved to');
  expect(first.model.exitRequested).toBe(true);
  first.unmount();
  return first.inventory;
}

describe('progress across sessions', () => {
  it('resumes where the operator left off: same screen, same step, same marks', async () => {
    const inventory = await sessionWithProgress();
    h = await startWizard({ init: { paths: [inventory] } });
    await h.see('Resumed from');
    await h.see('[5 Walk-through]');
    await h.see('❯ ○ 1.3 Install the Amazon EFS CSI driver');
    expect(h.frame()).toContain('✔ 1.1 Allow access entries');
    expect(h.frame()).toContain('✔ 1.2 Give the cluster role');
  });

  it('carries progress over a changed plan by step id and lists the new and the gone steps', async () => {
    const inventory = await sessionWithProgress();
    const state = JSON.parse(readFileSync(statePath(inventory), 'utf8')) as ProgressState;
    state.planFingerprint = 'sha256:an-older-inventory';
    state.planSteps = [...state.planSteps.filter((id: string) => id !== 'waves/batch'), 'waves/old-namespace'];
    state.steps['waves/old-namespace'] = { status: 'done' };
    writeFileSync(statePath(inventory), JSON.stringify(state));
    h = await startWizard({ init: { paths: [inventory] } });
    await h.see('The plan changed since your last session');
    expect(h.frame()).toContain('carried over for 2 steps');
    expect(h.frame()).toContain('+ waves/batch');
    expect(h.frame()).toContain('- waves/old-namespace');
    await h.press(KEY.enter);
    await h.see('✔ 1.1 Allow access entries');
    const after = JSON.parse(readFileSync(statePath(inventory), 'utf8')) as ProgressState;
    expect(after.planSteps).toContain('waves/batch');
    expect(after.steps['waves/old-namespace']).toEqual({ status: 'done' });
  });

  it('offers a choice over a damaged state file; starting fresh keeps the old file aside', async () => {
    const inventory = exampleCopy();
    writeFileSync(statePath(inventory), '{"kind":"modeshift-progress","version":1,"steps":{');
    h = await startWizard({ init: { paths: [inventory] } });
    await h.see('The saved progress cannot be used');
    expect(h.frame()).toContain('is damaged');
    await h.press('f');
    await h.see('moved to');
    expect(readFileSync(`${statePath(inventory)}.bad`, 'utf8')).toContain('"steps":{');
    await h.press(KEY.enter, KEY.enter);
    await h.see('Readiness');
    expect((JSON.parse(readFileSync(statePath(inventory), 'utf8')) as ProgressState).kind).toBe('modeshift-progress');
  });

  it('can go on without saving over a foreign file, which stays untouched', async () => {
    const inventory = exampleCopy();
    writeFileSync(statePath(inventory), '{"name": "somebody-else"}');
    h = await startWizard({ init: { paths: [inventory] } });
    await h.see('it is JSON, but not a modeshift progress file');
    await h.press('r');
    await h.see('will not be saved');
    await h.press(KEY.enter, KEY.enter);
    await h.see('Readiness');
    await h.press('5', 'd');
    await h.see('✔ 1.1');
    expect(readFileSync(statePath(inventory), 'utf8')).toBe('{"name": "somebody-else"}');
  });

  it('quits from the choice without writing anything', async () => {
    const inventory = exampleCopy();
    writeFileSync(statePath(inventory), 'not json');
    h = await startWizard({ init: { paths: [inventory] } });
    await h.see('What now?');
    await h.press('q');
    await h.see('Bye.');
    expect(readFileSync(statePath(inventory), 'utf8')).toBe('not json');
    expect(existsSync(`${statePath(inventory)}.bad`)).toBe(false);
  });

  it('saves progress on a bundled example where the example says, never inside its inventory, however it is opened', async () => {
    const inventory = exampleCopy();
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'modeshift-user-state-')), 'progress.json');
    const example = { label: 'shop-prod', paths: [inventory], statePath: elsewhere };
    h = await startOnPlan({ inventory, deps: { examples: [example] } });
    await h.press('5', 'd', 'q');
    await h.see(`Progress saved to ${elsewhere}`);
    expect((JSON.parse(readFileSync(elsewhere, 'utf8')) as ProgressState).kind).toBe('modeshift-progress');
    expect(existsSync(statePath(inventory))).toBe(false);
  });

  it('saves to --state instead of the inventory directory', async () => {
    const inventory = exampleCopy();
    const elsewhere = join(inventory, '..', 'progress.json');
    h = await startOnPlan({ inventory, init: { statePath: elsewhere } });
    expect(existsSync(elsewhere)).toBe(true);
    expect(existsSync(statePath(inventory))).toBe(false);
  });
});
