// `modeshift plan > plan.json` writes through its own buffer when stdout is a file (io.ts
// outputWriter), and through the stream otherwise: both must give the golden bytes, and a plan larger
// than that buffer must come out whole, multi-byte characters included.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateInventory, toJsonList } from '@modeshift/synthetic-estate';
import { EXAMPLES } from '../testing.js';

const BIN = fileURLToPath(new URL('../../bin/modeshift.js', import.meta.url));
const env = { ...process.env, NO_COLOR: '1' };

/** Runs the built CLI with stdout going to a regular file; returns the file's bytes. */
async function toFile(args: string[]): Promise<{ code: number | null; out: Buffer }> {
  const path = join(mkdtempSync(join(tmpdir(), 'modeshift-stdout-')), 'out');
  const fd = openSync(path, 'w');
  try {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', fd, 'inherit'], env });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { code, out: readFileSync(path) };
  } finally {
    closeSync(fd);
  }
}

/** The same through a pipe, as `modeshift plan … | jq` gets it. */
async function toPipe(args: string[]): Promise<{ code: number | null; out: Buffer }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, out: Buffer.concat(chunks) };
}

describe('modeshift plan written to stdout by the real process', () => {
  it.each([
    { name: 'fargate-to-auto-mode', to: 'auto-mode', format: 'json', golden: 'plan.json' },
    { name: 'auto-mode-to-fargate', to: 'fargate', format: 'text', golden: 'plan.txt' },
  ])('gives the golden $golden of $name to a file and to a pipe', async ({ name, to, format, golden }) => {
    const args = ['plan', join(EXAMPLES, name, 'inventory'), '--to', to, '--format', format];
    const expected = readFileSync(join(EXAMPLES, name, golden));
    const file = await toFile(args);
    expect(file.code).toBe(0);
    expect(file.out.equals(expected)).toBe(true);
    const pipe = await toPipe(args);
    expect(pipe.code).toBe(0);
    expect(pipe.out.equals(expected)).toBe(true);
  }, 60_000);

  it('writes a plan of several megabytes whole to a file, the same bytes as through a pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'modeshift-stdout-'));
    const { documents } = generateInventory({ workloads: 1000, direction: 'to-fargate', seed: 7 });
    writeFileSync(join(dir, 'inventory.json'), toJsonList(documents));
    const args = ['plan', dir, '--to', 'fargate', '--format', 'json'];
    const file = await toFile(args);
    const pipe = await toPipe(args);
    expect(file.code).toBe(0);
    expect(file.out.length).toBeGreaterThan(2 * (1 << 20));
    expect(file.out.equals(pipe.out)).toBe(true);
    // Parses, ends where the document ends, and kept its multi-byte characters (→, …) intact.
    const text = file.out.toString('utf8');
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(text).toMatch(/[…→]/u);
  }, 120_000);
});

describe('modeshift plan into a pipe that closes early (`modeshift plan … | head`)', () => {
  it.each(['text', 'json'])('ends quietly with exit 0 when the reader stops reading the %s plan', async (format) => {
    const args = ['plan', join(EXAMPLES, 'fargate-to-auto-mode', 'inventory'), '--to', 'auto-mode', '--format', format];
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Like `head -1`: read the first chunk, then close the pipe while the plan is still being written.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
