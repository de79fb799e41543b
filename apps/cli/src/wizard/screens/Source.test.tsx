import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exampleCopy, KEY, startWizard, type Harness } from '../__fixtures__/harness.js';

let h: Harness | undefined;
afterEach(() => h?.unmount());

describe('Source screen', () => {
  it('offers a path, the bundled examples and the kube context; an example loads and shows what was read', async () => {
    // A state file of its own: a developer's session on the bundled example must not turn this into a resume.
    h = await startWizard({ init: { statePath: join(mkdtempSync(join(tmpdir(), 'modeshift-source-')), 'state.json') } });
    await h.see('Which inventory');
    expect(h.frame()).toContain('Bundled example: shop-prod');
    expect(h.frame()).toContain('Bundled example: retail-platform');
    expect(h.frame()).toMatch(/kube context/);
    await h.press(KEY.down, KEY.down);
    await h.see('❯ Bundled example: retail-platform');
    await h.press(KEY.enter);
    await h.see('Cluster retail-platform');
    expect(h.frame()).toMatch(/Workloads: .*Deployment/);
    expect(h.frame()).toContain('Enter continues');
  });

  it('completes a typed path with Tab and loads it', async () => {
    const inventory = exampleCopy();
    h = await startWizard({ cwd: join(inventory, '..') });
    await h.press(KEY.enter);
    await h.see('Path: ▏');
    await h.press('i', 'n', 'v', KEY.tab);
    await h.see('Path: inventory/▏');
    await h.press(KEY.tab);
    await h.see('aws/');
    await h.press(KEY.enter);
    await h.see('Cluster shop-prod');
  });

  it('lists skipped files with the reason, warnings apart, and refuses to continue past load errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modeshift-source-'));
    mkdirSync(join(dir, 'inv'));
    writeFileSync(join(dir, 'inv', 'broken.yaml'), 'kind: Deployment\nmetadata: {name: [unclosed\n');
    writeFileSync(join(dir, 'inv', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  X: "1"\n  X: "2"\n');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    h = await startWizard({ init: { paths: [join(dir, 'inv'), join(dir, 'notes.txt')] }, cwd: dir });
    await h.see('Errors');
    expect(h.frame()).toContain('Skipped (1)');
    expect(h.frame()).toContain('notes.txt: not a .yaml, .yml or .json file');
    // A repeated key is read (its later value), so it is not among the skipped.
    expect(h.frame()).toContain('Read with a warning (1)');
    expect(h.frame()).toContain('inv/cm.yaml:7: the same key appears twice');
    expect(h.frame()).toContain('broken.yaml');
    await h.press(KEY.enter);
    expect(h.model.screen).toBe('source');
    await h.press('o');
    await h.see('Which inventory');
  });

  it('collects from the kube context through the collector, then loads what it wrote', async () => {
    const inventory = exampleCopy();
    const collect = vi.fn((_out: string, progress: (t: string) => void) => {
      progress('Deployment 9');
      return Promise.resolve();
    });
    h = await startWizard({
      cwd: join(inventory, '..'),
      deps: { collect, load: async () => (await import('@modeshift/inventory')).loadInventory([inventory]) },
    });
    await h.press(KEY.down, KEY.down, KEY.down, KEY.enter);
    await h.see('Cluster shop-prod');
    expect(collect).toHaveBeenCalledWith(join(inventory, '..', 'modeshift-inventory'), expect.any(Function));
  });

  it('shows a load that throws as an error, not a crash', async () => {
    h = await startWizard({ init: { paths: ['/no/such/place'] }, deps: { load: async () => Promise.reject(new Error('boom')) } });
    await h.see('cannot load: boom');
  });
});
