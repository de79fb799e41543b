import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEY, startOnPlan, type Harness } from '../__fixtures__/harness.js';

let h: (Harness & { inventory: string }) | undefined;
afterEach(() => h?.unmount());

describe('Export screen', () => {
  it('writes the Markdown with the progress and notes, next to the inventory', async () => {
    h = await startOnPlan();
    await h.press('5', 'd', 'j', 'e', 'waiting for CAB', KEY.enter, 's', '6');
    await h.see('Export the plan');
    await h.press(KEY.enter);
    await h.see(/Path: .*modeshift-plan\.md▏/);
    await h.press(KEY.enter);
    await h.see('Wrote');
    const md = readFileSync(join(dirname(h.inventory), 'modeshift-plan.md'), 'utf8');
    expect(md).toContain('- [x] **1.1 Allow access entries');
    expect(md).toContain('**Skipped.** waiting for CAB');
  });

  it('writes the plan JSON to a path the operator edits', async () => {
    h = await startOnPlan();
    await h.press('6', 'j', KEY.enter);
    await h.see(/Path: .*modeshift-plan\.json▏/);
    await h.press('\u0015', join(dirname(h.inventory), 'out', 'plan.json'), KEY.enter);
    await h.see('Wrote');
    const json = JSON.parse(readFileSync(join(dirname(h.inventory), 'out', 'plan.json'), 'utf8')) as unknown;
    expect(json).toMatchObject({ schemaVersion: 2, from: 'fargate', to: 'auto-mode' });
  });

  it('exports the Pulumi stack through the generator when there is one, and says so when there is none', async () => {
    const exportStack = vi.fn(({ out }: { out: string }) => Promise.resolve(`wrote a Pulumi project to ${out}`));
    h = await startOnPlan({ deps: { exportStack } });
    await h.press('6', 'G', 'k', KEY.enter, KEY.enter);
    await h.see('wrote a Pulumi project to');
    expect(exportStack).toHaveBeenCalledWith({
      paths: [h.inventory],
      target: 'auto-mode',
      clusterVersion: null,
      out: join(dirname(h.inventory), 'modeshift-stack'),
    });
    h.unmount();
    h = await startOnPlan({ deps: { exportStack: undefined, renderMarkdown: undefined } });
    await h.press('6');
    await h.see('Pulumi project (a directory) (no Pulumi generator in this build)');
    await h.press(KEY.enter);
    await h.see('Not available: no Markdown renderer in this build.');
  });

  it('exports the Kubernetes changes for Git through the exporter, into a directory next to the inventory', async () => {
    const exportKustomize = vi.fn(({ out }: { out: string }) => Promise.resolve(`wrote 40 files to ${out}`));
    h = await startOnPlan({ deps: { exportKustomize } });
    await h.press('6');
    await h.see('Kubernetes changes for Git (kustomize folders)');
    await h.press('G', KEY.enter, KEY.enter);
    await h.see('wrote 40 files to');
    expect(exportKustomize).toHaveBeenCalledWith({
      paths: [h.inventory],
      target: 'auto-mode',
      clusterVersion: null,
      out: join(dirname(h.inventory), 'modeshift-export'),
    });
  });

  it('refuses to replace a non-empty directory that is not an export', async () => {
    const exportKustomize = vi.fn(() => Promise.resolve('wrote'));
    h = await startOnPlan({ deps: { exportKustomize } });
    mkdirSync(join(dirname(h.inventory), 'modeshift-export'), { recursive: true });
    writeFileSync(join(dirname(h.inventory), 'modeshift-export', 'notes.txt'), 'mine');
    await h.press('6', 'G', KEY.enter, KEY.enter);
    await h.see(/Export failed: .*modeshift-export is not empty/);
    expect(exportKustomize).not.toHaveBeenCalled();
  });

  it('reports a failed write instead of crashing', async () => {
    h = await startOnPlan({
      deps: {
        writeFile: () => {
          throw new Error('read-only file system');
        },
      },
    });
    await h.press('6', 'j', KEY.enter, KEY.enter);
    await h.see('Export failed: read-only file system');
  });
});
