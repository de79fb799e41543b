import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordImports, uiOrPulumi } from './imports.js';
import { REPO_ROOT, SCRIPTS } from './measure.js';

/**
 * Start-up stays small only while commands that need neither load the terminal UI (Ink, React) or
 * the Pulumi generator: those imports must stay behind dynamic import(). This runs the built modeshift command with
 * a module-resolution hook that lists every module it loads.
 */
describe('commands load only what they need', () => {
  it('the recorder sees a UI import when there is one (so the checks below can fail)', () => {
    const { urls } = recordImports(['--input-type=module', '-e', "await import('react')"]);
    expect(uiOrPulumi(urls).length).toBeGreaterThan(0);
  });

  it('modeshift --help loads no UI and no Pulumi code', () => {
    const { urls, status, stderr } = recordImports([SCRIPTS.bin, '--help']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(urls.some((u) => u.endsWith('/dist/cli.js'))).toBe(true);
    expect(uiOrPulumi(urls)).toEqual([]);
  });

  it('modeshift plan loads no UI and no Pulumi code', () => {
    const inventory = join(REPO_ROOT, 'examples', 'fargate-to-auto-mode', 'inventory');
    for (const format of ['text', 'json', 'md']) {
      const { urls, status } = recordImports([SCRIPTS.bin, 'plan', inventory, '--to', 'auto-mode', '--format', format]);
      expect(status).toBe(0);
      expect(urls.some((u) => u.endsWith('/dist/commands/plan.js'))).toBe(true);
      expect(uiOrPulumi(urls)).toEqual([]);
    }
  });
});
