import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVerify } from './verify-runner.js';

describe('verification runner', () => {
  it('captures the output and the exit code', async () => {
    const ok = await runVerify('grep -c root /etc/passwd');
    expect(ok).toMatchObject({ exitCode: 0, timedOut: false, truncated: false });
    expect(ok.output.trim()).toMatch(/^\d+$/);
    const miss = await runVerify('grep -q no-such-user-anywhere-1234 /etc/passwd');
    expect(miss.exitCode).toBe(1);
  });

  it('never starts a command the allow-list refuses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modeshift-verify-'));
    const marker = join(dir, 'created');
    const result = await runVerify(`touch ${marker}`);
    expect(result.refused).toMatch(/not on the list/);
    expect(result.exitCode).toBeNull();
    expect(existsSync(marker)).toBe(false);
  });

  it('stops a command that outlives its timeout', async () => {
    const started = Date.now();
    const result = await runVerify('tail -f /dev/null', { timeoutMs: 300 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops the command when asked to', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    const started = Date.now();
    const result = await runVerify('tail -f /dev/null', { signal: abort.signal });
    expect(result.exitCode).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('caps the output', async () => {
    const result = await runVerify('head -c 100000 /dev/zero', { maxBytes: 1000 });
    expect(result.output.length).toBe(1000);
    expect(result.truncated).toBe(true);
  });
});
