import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '@modeshift/core';

type OutState = 'missing' | 'empty' | 'non-empty';

async function outState(out: string): Promise<OutState> {
  let info;
  try {
    // The link itself: the inventory replaces `out` by renaming, which would replace a link, not follow it.
    info = await lstat(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw new UserError('usage', `Cannot use --out ${out}: ${(error as Error).message}`);
  }
  if (info.isSymbolicLink()) throw new UserError('usage', `--out ${out} is a symbolic link: name the directory itself.`);
  if (!info.isDirectory()) throw new UserError('usage', `--out ${out} is a file, not a directory.`);
  return (await readdir(out)).length === 0 ? 'empty' : 'non-empty';
}

/** Checked before any network call, so a wrong --out costs nothing. */
export async function checkOut(out: string, force: boolean): Promise<void> {
  if ((await outState(out)) === 'non-empty' && !force) {
    throw new UserError('usage', `--out ${out} already exists and is not empty: choose another directory or pass --force.`);
  }
}

/** A hidden sibling, so the final rename stays on one filesystem (and so is atomic). */
function sibling(out: string, purpose: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.modeshift-${purpose}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Writes every file into a temporary directory, then renames it to `out`. Readers see either no
 * inventory or a complete one; a failure or an abort removes the temporary directory. With `force`,
 * an existing directory is moved aside first and deleted only once the new one is in place.
 */
export async function writeDirAtomically(out: string, files: ReadonlyMap<string, string>, force: boolean, signal?: AbortSignal): Promise<void> {
  await mkdir(path.dirname(out), { recursive: true });
  const temp = sibling(out, 'tmp');
  let old: string | undefined;
  try {
    await mkdir(temp);
    for (const [relative, content] of files) {
      signal?.throwIfAborted();
      const file = path.join(temp, ...relative.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content, { encoding: 'utf8', mode: 0o644 });
    }
    signal?.throwIfAborted();
    const state = await outState(out);
    if (state === 'non-empty' && !force) {
      throw new UserError('usage', `--out ${out} appeared while collecting and is not empty: choose another directory or pass --force.`);
    }
    if (state === 'empty') await rmdir(out);
    if (state === 'non-empty') {
      old = sibling(out, 'old');
      await rename(out, old);
    }
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (old !== undefined) await rename(old, out).catch(() => undefined);
    throw error;
  }
  if (old !== undefined) await rm(old, { recursive: true, force: true });
}
