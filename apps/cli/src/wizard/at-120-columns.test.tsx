// The wizard as a newcomer meets it in a 120×40 terminal, checked on the frames Ink renders.
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEY, startOnPlan, testDeps, type Harness } from './__fixtures__/harness.js';
import { App } from './App.js';
import { WizardModel } from './model.js';

const SIZE = { columns: 120, rows: 40 };
let h: (Harness & { inventory: string }) | undefined;
afterEach(() => h?.unmount());

const rowWith = (frame: string, text: string) => frame.split('\n').find((row) => row.includes(text)) ?? '';

describe('the wizard at 120×40', () => {
  it('resumes a session straight onto its screen: no frame shows the Source screen first', async () => {
    const first = await startOnPlan({ size: SIZE });
    await first.press('5', 'd', 'q');
    first.unmount();
    const model = new WizardModel(testDeps(first.inventory), { paths: [first.inventory] });
    const r = render(<App model={model} color={false} size={SIZE} />);
    try {
      await vi.waitFor(() => expect(stripVTControlCharacters(r.lastFrame() ?? '')).toContain('Resumed from'), { timeout: 4000, interval: 10 });
      const frames = r.frames.map((f) => stripVTControlCharacters(f));
      for (const frame of frames) {
        expect(frame).not.toContain('[1 Source]');
        expect(frame).not.toContain('Which inventory');
      }
      expect(frames.at(0)).toContain('Loading');
    } finally {
      r.unmount();
    }
  });

  it('shows every stage name whole, with progress bars of one length', async () => {
    h = await startOnPlan({ size: SIZE });
    const frame = h.frame();
    const titles = h.model.plan!.stages.map((s) => s.title);
    const bars = titles.map((title) => {
      const row = rowWith(frame, ` ${title} `);
      expect(row, title).not.toBe('');
      return /[█░]+/.exec(row)?.[0].length;
    });
    expect(new Set(bars).size).toBe(1);
  });

  it('counts in English on the Source screen: 1 IngressClass, 1 PVC, 9 Deployments', async () => {
    h = await startOnPlan({ size: SIZE });
    await h.press('1');
    await h.see('files read');
    const frame = h.frame().replace(/\s+/g, ' ');
    expect(frame).toContain('1 IngressClass ·');
    expect(frame).toContain('1 PVC ·');
    expect(frame).toContain('9 Deployments');
    expect(frame).not.toMatch(/\b1 (IngressClasses|PVCs|PVs|HPAs|SecurityGroupPolicies)\b/);
  });

  it('d and s move on to the next open step', async () => {
    h = await startOnPlan({ size: SIZE });
    await h.press('5', 'd');
    await h.see('❯ ○ 1.2');
    await h.press('s');
    await h.see('❯ ○ 1.3');
    expect(h.frame()).toContain('✔ 1.1');
    expect(h.frame()).toContain('↷ 1.2');
  });

  it('never breaks a command inside a word: long commands continue at a space with \\', async () => {
    h = await startOnPlan({ size: SIZE });
    await h.press('5');
    await h.see('Commands (c copies them)');
    const frame = h.frame();
    expect(frame).toContain('--access-config');
    expect(frame).toContain('authenticationMode=API_AND_CONFIG_MAP');
    expect(frame).not.toMatch(/--access-conf\s*\n/);
    expect(rowWith(frame, '$ update_id=$(aws eks update-cluster-config').trimEnd()).toMatch(/ \\$/);
  });

  it('c copies through the terminal clipboard, keeps the file, and says both in a status line that fits', async () => {
    const copyToClipboard = vi.fn(() => true);
    h = await startOnPlan({ size: SIZE, deps: { copyToClipboard } });
    await h.press('5', 'c');
    await h.see('Copied 2 commands to the clipboard (OSC 52); also in');
    expect(copyToClipboard).toHaveBeenCalledWith(
      expect.stringContaining(
        'update_id=$(aws eks update-cluster-config --name shop-prod --access-config authenticationMode=API_AND_CONFIG_MAP --query update.id --output text)\n',
      ),
    );
    const status = rowWith(h.frame(), 'Copied 2 commands');
    expect(status.trimEnd()).toMatch(/modeshift-commands\.sh$/);
  });

  it('drops the old status line when the operator moves on', async () => {
    h = await startOnPlan({ size: SIZE });
    await h.press('5', 'c');
    await h.see('2 commands saved to');
    await h.press(KEY.tab);
    await h.see('[6 Export]');
    expect(h.frame()).not.toContain('2 commands saved to');
  });
});
