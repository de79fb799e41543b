import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli.js';
import { captureIo, EXAMPLES } from '../testing.js';

const CASES = [
  { name: 'fargate-to-auto-mode', to: 'auto-mode' },
  { name: 'auto-mode-to-fargate', to: 'fargate' },
] as const;

/** Every file under `dir` (relative path → content), dot-files included. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'modeshift-stack-cli-'));

describe.each(CASES)('modeshift stack for examples/$name', ({ name, to }) => {
  it('writes exactly the checked-in examples/' + name + '/stack (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const golden = join(EXAMPLES, name, 'stack');
    const out = process.env.UPDATE_GOLDEN === '1' ? golden : join(tempDir(), 'stack');
    const io = captureIo();
    const code = await run(['stack', join(EXAMPLES, name, 'inventory'), '--to', to, '--out', out, '--force'], io);
    expect(code, io.err()).toBe(0);
    expect(io.out()).toBe('');
    expect(existsSync(golden), `${golden} is missing: run UPDATE_GOLDEN=1 npm test`).toBe(true);
    const written = tree(out);
    const expected = tree(golden);
    expect([...written.keys()]).toEqual([...expected.keys()]);
    for (const [path, text] of written) expect(text, `${path} is out of date: run UPDATE_GOLDEN=1 npm test`).toBe(expected.get(path));
  });
});

describe('modeshift stack', () => {
  const inventory = join(EXAMPLES, 'auto-mode-to-fargate', 'inventory');

  it('refuses a non-empty --out without --force (exit 2) and leaves it alone', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const io = captureIo();
    expect(await run(['stack', inventory, '--to', 'fargate', '--out', out], io)).toBe(2);
    expect(io.err()).toMatch(/is not empty; pass --force/);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('replaces a non-empty --out with --force, leaving no temporary directory behind', async () => {
    const parent = tempDir();
    const out = join(parent, 'project');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'old');
    const io = captureIo();
    expect(await run(['stack', inventory, '--to', 'fargate', '--out', out, '--force', '--stack', 'prod'], io)).toBe(0);
    expect(existsSync(join(out, 'old.txt'))).toBe(false);
    expect(existsSync(join(out, 'Pulumi.prod.yaml'))).toBe(true);
    expect(readdirSync(parent)).toEqual(['project']);
    expect(io.err()).toMatch(/left out of the stack/);
  });

  it('writes into an empty --out, and needs --out and --to', async () => {
    const out = tempDir();
    expect(await run(['stack', inventory, '--to', 'fargate', '--out', out], captureIo())).toBe(0);
    expect(readdirSync(out)).toContain('index.ts');
    const noOut = captureIo();
    expect(await run(['stack', inventory, '--to', 'fargate'], noOut)).toBe(2);
    expect(noOut.err()).toMatch(/--out/);
    const noTo = captureIo();
    expect(await run(['stack', inventory, '--out', join(tempDir(), 'x')], noTo)).toBe(2);
    expect(noTo.err()).toMatch(/--to is required/);
    const badStack = captureIo();
    expect(await run(['stack', inventory, '--to', 'fargate', '--out', join(tempDir(), 'y'), '--stack', 'a/b'], badStack)).toBe(2);
  });
});
