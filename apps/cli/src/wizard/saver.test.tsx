// A large plan's fingerprint takes about a second to hash: the overview is drawn first, and the progress
// file is written afterwards, with the fingerprint of the plan it belongs to.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleCopy, KEY, startWizard, type Harness } from './__fixtures__/harness.js';
import { planFingerprint, type ProgressState } from './state-file.js';

// vitest types its asymmetric matchers as `any`; typed as `unknown` they can sit in an expected object safely.
const anyString = (): unknown => expect.any(String);

let h: Harness | undefined;
afterEach(() => h?.unmount());

const statePath = (inventory: string) => join(inventory, '.modeshift-state.json');
const saved = (inventory: string) => JSON.parse(readFileSync(statePath(inventory), 'utf8')) as ProgressState;

async function onDirection(): Promise<{ h: Harness; inventory: string }> {
  const inventory = exampleCopy();
  const harness = await startWizard({ init: { paths: [inventory] } });
  await harness.see('Enter continues');
  await harness.press(KEY.enter);
  await harness.see('Move them to');
  return { h: harness, inventory };
}

describe('saving progress after the first frame', () => {
  it('draws the overview before it saves; the save follows, with the plan’s fingerprint', async () => {
    const started = await onDirection();
    h = started.h;
    const savedAtFrame: boolean[] = [];
    h.onFrame((frame) => {
      if (frame.includes('Readiness')) savedAtFrame.push(existsSync(statePath(started.inventory)));
    });
    h.type(KEY.enter);
    await h.see('Readiness');
    await h.model.idle();
    expect(savedAtFrame[0]).toBe(false);
    const state = saved(started.inventory);
    expect(state.planFingerprint).toBe(planFingerprint(h.model.plan!));
    expect(state.position).toEqual({ screen: 'overview', stepId: anyString() });
  });

  it('quitting before the hash is done still saves, with the right fingerprint and position', async () => {
    const started = await onDirection();
    h = started.h;
    h.type(KEY.enter);
    h.type('5');
    h.type('j');
    h.type('d');
    h.type('q');
    expect(h.model.exitRequested).toBe(true);
    const state = saved(started.inventory);
    expect(state.planFingerprint).toBe(planFingerprint(h.model.plan!));
    // d moved on to the next open step, and the position saved is that step.
    expect(state.position).toEqual({ screen: 'walkthrough', stepId: 'prerequisites/efs-csi-driver' });
    expect(Object.values(state.steps)).toEqual([{ status: 'done' }]);
  });

  it('a resumed session keeps the fingerprint current once the plan is rebuilt', async () => {
    const started = await onDirection();
    h = started.h;
    await h.press(KEY.enter, 'q');
    h.unmount();
    const state = saved(started.inventory);
    state.planFingerprint = 'sha256:from-an-older-modeshift';
    writeFileSync(statePath(started.inventory), JSON.stringify(state));
    h = await startWizard({ init: { paths: [started.inventory] } });
    await h.see('Resumed from');
    await h.model.idle();
    expect(saved(started.inventory).planFingerprint).toBe(planFingerprint(h.model.plan!));
  });
});
