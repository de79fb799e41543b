import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBashFile } from '@modeshift/core/testing';

const script = fileURLToPath(new URL('../../scripts/tmux-e2e.sh', import.meta.url));
const built = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;

if (!hasTmux) console.warn('e2e: tmux is not installed, so the real-terminal test is skipped (CI installs tmux: apt-get install -y tmux)');

describe.skipIf(!hasTmux)('the wizard in a real terminal (tmux)', () => {
  it('walks to a step, marks it done, quits, starts again and resumes', () => {
    // turbo builds before it tests; run `npm run build` first when calling vitest directly.
    expect(existsSync(built), `${built} is missing: run npm run build first`).toBe(true);
    // The script's bash reads none of the machine's rc files (see runBashFile); tmux and the wizard get the test's own environment.
    const result = runBashFile(script, [], { env: { ...process.env }, timeoutMs: 120_000 });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain('tmux-e2e: ok');
  }, 150_000);
});
