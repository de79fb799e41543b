import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { captureIo } from '../testing.js';
import { exampleCopy } from '../wizard/__fixtures__/harness.js';

describe('modeshift wizard without a terminal', () => {
  it('prints the text plan instead, detecting the direction', async () => {
    const io = captureIo();
    expect(await run(['wizard', exampleCopy('auto-mode-to-fargate')], io)).toBe(0);
    expect(io.err()).toContain('not a terminal, so printing the plan');
    expect(io.out()).toMatch(/^modeshift plan: retail-platform/);
    expect(io.out()).toContain('to EKS on Fargate');
  });

  it('prints the bundled example for `modeshift` with no arguments, from any directory', async () => {
    const io = { ...captureIo(), cwd: '/' };
    expect(await run([], io)).toBe(0);
    expect(io.out()).toMatch(/^modeshift plan: shop-prod/);
  });

  it('rejects bad options with exit 2', async () => {
    expect(await run(['wizard', '--to', 'ec2'], captureIo())).toBe(2);
    const io = captureIo();
    expect(await run(['wizard', exampleCopy(), '--cluster-version', 'latest'], io)).toBe(2);
    expect(io.err()).toContain('--cluster-version must look like 1.31');
  });
});

describe('lazy loading', () => {
  // `modeshift plan` must not pay for React and Ink: nothing reachable through static imports from cli.ts may import them.
  it('keeps ink and react out of the static import graph of the CLI entry', () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    const seen = new Set<string>();
    const packages = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
        const spec = m[1]!;
        if (/^import\s+type\s/.test(m[0]) || /^export\s+type\s/.test(m[0])) continue;
        if (spec.startsWith('.')) walk(join(dirname(file), spec.replace(/\.js$/, '.ts')));
        else packages.add(spec);
      }
    };
    walk(join(src, 'cli.ts'));
    expect([...packages].filter((p) => p === 'ink' || p === 'react' || p.startsWith('@inkjs/'))).toEqual([]);
    expect(seen.size).toBeGreaterThan(1);
  });
});
