import { lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOut, writeDirAtomically } from './output/atomic-dir.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'modeshift-out-link-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

// The inventory takes `--out`'s place by renaming, which would replace a link rather than write through it.
describe('an --out that is a symbolic link to a directory', () => {
  it('is refused before collecting, even with --force, and the link and its directory stay as they were', async () => {
    const real = path.join(root, 'real');
    await mkdir(real);
    await writeFile(path.join(real, 'keep.json'), '{}');
    const out = path.join(root, 'inventory');
    await symlink(real, out);
    await expect(checkOut(out, true)).rejects.toThrow(`--out ${out} is a symbolic link: name the directory itself.`);
    await expect(writeDirAtomically(out, new Map([['a.json', '{}']]), true)).rejects.toThrow(/is a symbolic link/);
    expect((await lstat(out)).isSymbolicLink()).toBe(true);
    expect(await readdir(real)).toEqual(['keep.json']);
    expect((await readdir(root)).sort()).toEqual(['inventory', 'real']);
  });
});
