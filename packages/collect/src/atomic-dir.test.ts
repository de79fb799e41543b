import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '@modeshift/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOut, writeDirAtomically } from './output/atomic-dir.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'modeshift-atomic-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const files = new Map([
  ['a.json', '{}\n'],
  ['nested/deeper/b.json', '[]\n'],
]);

describe('writing the inventory directory atomically', () => {
  it('creates the directory, and its parents, with every file', async () => {
    const out = path.join(root, 'x', 'inventory');
    await writeDirAtomically(out, files, false);
    expect(await readFile(path.join(out, 'nested', 'deeper', 'b.json'), 'utf8')).toBe('[]\n');
    expect(await readdir(path.join(root, 'x'))).toEqual(['inventory']);
  });

  it('refuses a non-empty directory unless forced, then replaces it whole', async () => {
    const out = path.join(root, 'inventory');
    await mkdir(out);
    await writeFile(path.join(out, 'old.json'), 'old');
    await expect(checkOut(out, false)).rejects.toBeInstanceOf(UserError);
    await expect(writeDirAtomically(out, files, false)).rejects.toMatchObject({ kind: 'usage' });
    expect(await readdir(out)).toEqual(['old.json']);
    await checkOut(out, true);
    await writeDirAtomically(out, files, true);
    expect((await readdir(out)).sort()).toEqual(['a.json', 'nested']);
    expect(await readdir(root)).toEqual(['inventory']);
  });

  it('removes its temporary directory when a write fails, leaving no inventory', async () => {
    const out = path.join(root, 'inventory');
    const clash = new Map([
      ['a', 'a file'],
      ['a/b.json', 'cannot live under a file'],
    ]);
    await expect(writeDirAtomically(out, clash, false)).rejects.toThrow();
    expect(await readdir(root)).toEqual([]);
  });

  it('removes its temporary directory when aborted', async () => {
    const out = path.join(root, 'inventory');
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(writeDirAtomically(out, files, false, controller.signal)).rejects.toThrow('stop');
    expect(await readdir(root)).toEqual([]);
  });
});
