import { afterEach, describe, expect, it } from 'vitest';
import { exampleCopy, KEY, startOnPlan, startWizard, type Harness } from '../__fixtures__/harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

describe('Help and navigation', () => {
  it('opens the help with ?, scrolls it, closes it with Esc, and q saves and quits from it', async () => {
    h = await startOnPlan();
    await h.press('?');
    await h.see('Keys (? or Esc closes this help)');
    expect(h.frame()).toContain('Walk-through');
    await h.press('G');
    await h.see('Progress is saved after every change');
    await h.press(KEY.esc);
    await h.gone('Keys (? or Esc closes this help)');
    await h.press('4', '?', 'q');
    await h.see('Progress saved to');
    expect(h.model.exitRequested).toBe(true);
  });

  it('keeps typed text out of the global keys: ? and q in a text field are just characters', async () => {
    h = await startOnPlan();
    await h.press('4', '/', '?', 'q');
    await h.see('/?q▏');
    expect(h.model.help).toBe(false);
    expect(h.model.exitRequested).toBe(false);
  });

  it('moves between screens with Tab, Shift-Tab and the numbers, but not past a missing plan', async () => {
    h = await startWizard({ init: { paths: [exampleCopy()] } });
    await h.see('Enter continues');
    await h.press('4');
    await h.see('Confirm the direction first');
    await h.press(KEY.tab);
    await h.see('[2 Direction]');
    await h.press(KEY.enter);
    await h.see('[3 Overview]');
    await h.press(KEY.tab, KEY.tab);
    await h.see('[5 Walk-through]');
    await h.press(KEY.backtab);
    await h.see('[4 Findings]');
    await h.press('6', KEY.esc);
    await h.see('[5 Walk-through]');
  });

  it('says q quits when Esc has nowhere to go', async () => {
    h = await startWizard();
    await h.press(KEY.esc);
    await h.see('This is the first screen: q quits.');
  });
});
