import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '@modeshift/core/base';
import { fileKind, lstatOrNull } from './io.js';

// The project replaces `dir` by renaming, so only a real directory may be there: a symbolic link would be
// replaced rather than written through, and anything else is not a project directory.
export function refuseNonEmpty(dir: string, force: boolean): void {
  const existing = lstatOrNull(dir);
  if (!existing) return;
  if (!existing.isDirectory()) throw new UserError('usage', `--out ${dir} is ${fileKind(existing)}, not a directory`);
  if (readdirSync(dir).length > 0 && !force) throw new UserError('usage', `--out ${dir} is not empty; pass --force to replace it`);
}

/**
 * All files land in a temporary sibling directory first, which then takes the place of `dir`: readers see the
 * old project or the new one, never a mix, and a failure part-way leaves `dir` as it was.
 */
export function writeTreeAtomic(dir: string, files: ReadonlyMap<string, string>): void {
  const suffix = randomBytes(4).toString('hex');
  const temp = `${dir}.${suffix}.tmp`;
  const old = `${dir}.${suffix}.old`;
  try {
    mkdirSync(dirname(dir), { recursive: true });
    // Each folder is made once: a large export has tens of thousands of files in a few thousand folders.
    const made = new Set<string>();
    for (const [path, text] of files) {
      const full = join(temp, path);
      const folder = dirname(full);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(full, text);
    }
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(temp, dir);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(dir)) renameSync(old, dir);
    throw new UserError('input', `${dir}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  rmSync(old, { recursive: true, force: true });
}
