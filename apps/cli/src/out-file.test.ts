// --out names where a command writes. The write is atomic (a temporary file renamed into place), and a
// rename replaces whatever has the name: a symbolic link, a named pipe, even a device node (as root,
// `--out /dev/null` would have replaced /dev/null). Only regular files are replaced, and they keep their mode.
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '@modeshift/core';
import { run } from './cli.js';
import { writeFileAtomic } from './io.js';
import { captureIo, EXAMPLES, tempTree } from './testing.js';

const INVENTORY = join(EXAMPLES, 'fargate-to-auto-mode', 'inventory');
const plan = (out: string) => ['plan', INVENTORY, '--to', 'auto-mode', '--format', 'json', '--out', out];

/** Runs the CLI; the exit code, its stderr, and the names in `dir` afterwards (no temporary file left). */
async function runIn(dir: string, argv: string[]) {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, err: io.err(), out: io.out(), left: readdirSync(dir).sort() };
}

/** A device node like /dev/null, made where it harms nothing; null where this system does not allow it. */
function deviceNode(path: string): string | null {
  try {
    execFileSync('mknod', [path, 'c', '1', '3'], { stdio: 'ignore' });
    return path;
  } catch {
    return null;
  }
}

describe('plan --out', () => {
  it('refuses a symbolic link and leaves both the link and its target as they were', async () => {
    const dir = tempTree({ 'target.json': 'keep me' });
    symlinkSync(join(dir, 'target.json'), join(dir, 'link.json'));
    const result = await runIn(dir, plan(join(dir, 'link.json')));
    expect(result).toMatchObject({ code: 2, out: '', left: ['link.json', 'target.json'] });
    expect(result.err).toBe(`modeshift: ${join(dir, 'link.json')} is a symbolic link: modeshift replaces only regular files, so name another path\n`);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe(join(dir, 'target.json'));
    expect(readFileSync(join(dir, 'target.json'), 'utf8')).toBe('keep me');
  });

  it('refuses a named pipe, a directory and a device node', async () => {
    const dir = tempTree({});
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    mkdirSync(join(dir, 'folder'));
    const device = deviceNode(join(dir, 'null'));
    const cases: [string, string][] = [
      ['pipe', 'a named pipe'],
      ['folder', 'a directory'],
      ...(device ? ([['null', 'a character device']] as [string, string][]) : []),
    ];
    for (const [name, kind] of cases) {
      const result = await runIn(dir, plan(join(dir, name)));
      expect(result.code, name).toBe(2);
      expect(result.err, name).toContain(`${join(dir, name)} is ${kind}:`);
    }
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    if (device) expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['folder', 'pipe', ...(device ? ['null'] : [])].sort());
  });

  it('replaces a regular file and keeps its mode: a 0600 file stays 0600', async () => {
    const dir = tempTree({ 'plan.json': 'old' });
    chmodSync(join(dir, 'plan.json'), 0o600);
    const result = await runIn(dir, plan(join(dir, 'plan.json')));
    expect(result).toMatchObject({ code: 0, left: ['plan.json'] });
    expect((JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as Plan).schemaVersion).toBe(2);
    expect(statSync(join(dir, 'plan.json')).mode & 0o7777).toBe(0o600);
  });

  it('writes the same bytes into the file as on stdout, for JSON and text alike', async () => {
    for (const format of ['json', 'text']) {
      const dir = tempTree({});
      const argv = ['plan', INVENTORY, '--to', 'auto-mode', '--format', format];
      const printed = await runIn(dir, argv);
      const written = await runIn(dir, [...argv, '--out', join(dir, `plan.${format}`)]);
      expect(written, format).toMatchObject({ code: printed.code, out: '', left: [`plan.${format}`] });
      expect(readFileSync(join(dir, `plan.${format}`), 'utf8'), format).toBe(printed.out);
    }
  });

  it('leaves the old file and no temporary one when the text being written in pieces fails half-way', () => {
    const dir = tempTree({ 'plan.json': 'old' });
    const failing = (write: (chunk: string) => void) => {
      write('{"half": ');
      throw new Error('renderer failed');
    };
    // The producer's own error, not a file-system complaint about the path.
    expect(() => writeFileAtomic(join(dir, 'plan.json'), failing)).toThrow('renderer failed');
    expect(readdirSync(dir)).toEqual(['plan.json']);
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('old');
  });

  it("passes on a producer's own file-system failure as it is, not as a failure to write the output", () => {
    const dir = tempTree({ 'plan.json': 'old' });
    const reading = (write: (chunk: string) => void) => {
      write('{');
      write(readFileSync(join(dir, 'missing.json'), 'utf8'));
    };
    expect(() => writeFileAtomic(join(dir, 'plan.json'), reading)).toThrow(/ENOENT: no such file or directory, open '.*missing\.json'/);
    expect(readdirSync(dir)).toEqual(['plan.json']);
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe('old');
  });

  it("rejects --out '' instead of printing to stdout", async () => {
    const dir = tempTree({});
    const result = await runIn(dir, plan(''));
    expect(result).toMatchObject({ code: 2, out: '', err: 'modeshift: --out is empty: name the file to write\n' });
  });
});

describe('stack --out', () => {
  it('refuses a symbolic link to a directory, and an empty value', async () => {
    const dir = tempTree({ 'real/keep.txt': 'keep me' });
    symlinkSync(join(dir, 'real'), join(dir, 'project'));
    const linked = await runIn(dir, ['stack', INVENTORY, '--to', 'auto-mode', '--out', join(dir, 'project'), '--force']);
    expect(linked).toMatchObject({ code: 2, left: ['project', 'real'] });
    expect(linked.err).toContain('is a symbolic link, not a directory');
    expect(lstatSync(join(dir, 'project')).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(dir, 'real'))).toEqual(['keep.txt']);
    expect((await runIn(dir, ['stack', INVENTORY, '--to', 'auto-mode', '--out', ''])).code).toBe(2);
  });
});

describe('collect --out', () => {
  it('rejects an empty value before reading any kubeconfig', async () => {
    const dir = tempTree({});
    writeFileSync(join(dir, 'kubeconfig'), 'not: [valid');
    const result = await runIn(dir, ['collect', '--out', '', '--kubeconfig', join(dir, 'kubeconfig')]);
    expect(result).toMatchObject({ code: 2, err: 'modeshift: --out is empty: name the inventory directory to write\n' });
  });
});
