import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '@modeshift/core';
import { fileKind, lstatOrNull, outOption, type Io } from '../io.js';
import { planFromPaths } from './plan.js';

export interface StackOptions {
  to?: string;
  out?: string;
  force?: boolean;
  stack?: string;
  clusterVersion?: string;
  prices?: string;
}

/** `modeshift stack <path>… --to <mode> --out <dir>`: a Pulumi project for the plan. Returns the exit code. */
export async function stackCommand(paths: string[], options: StackOptions, io: Io): Promise<number> {
  const outPath = outOption(options.out, 'directory');
  if (outPath === undefined) throw new UserError('usage', '--out <dir> is required: the directory to write the Pulumi project to');
  const out = resolve(io.cwd, outPath);
  refuseNonEmpty(out, options.force ?? false);
  const plan = await planFromPaths(paths, options, io);
  // The generator loads no Pulumi SDK; only the project it writes does.
  const { generateProject, readShippedSources, DEFAULT_STACK } = await import('@modeshift/pulumi');
  const stack = options.stack ?? DEFAULT_STACK;
  if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw new UserError('usage', `--stack may contain only letters, digits, "-", "_" and ".", not "${stack}"`);
  const files = generateProject(plan, { stack, shipped: readShippedSources() });
  writeTreeAtomic(out, files);
  io.stderr.write(`modeshift: wrote a Pulumi project (${files.size} files) to ${outPath}; see its README.md\n`);
  if (plan.summary.readiness === 'incomplete') {
    io.stderr.write('modeshift: the inventory is incomplete (see the plan\'s "Not collected"); its decommission steps are held back and left out of the stack\n');
  }
  if (plan.summary.readiness === 'blocked') io.stderr.write('modeshift: the plan has blockers; what they keep behind is left out of the stack (listed in index.ts and README.md)\n');
  return 0;
}

// The project replaces `dir` by renaming, so only a real directory may be there: a symbolic link would be
// replaced rather than written through, and anything else is not a project directory.
function refuseNonEmpty(dir: string, force: boolean): void {
  const existing = lstatOrNull(dir);
  if (!existing) return;
  if (!existing.isDirectory()) throw new UserError('usage', `--out ${dir} is ${fileKind(existing)}, not a directory`);
  if (readdirSync(dir).length > 0 && !force) throw new UserError('usage', `--out ${dir} is not empty; pass --force to replace it`);
}

/**
 * All files land in a temporary sibling directory first, which then takes the place of `dir`: readers see the
 * old project or the new one, never a mix, and a failure part-way leaves `dir` as it was.
 */
function writeTreeAtomic(dir: string, files: ReadonlyMap<string, string>): void {
  const suffix = randomBytes(4).toString('hex');
  const temp = `${dir}.${suffix}.tmp`;
  const old = `${dir}.${suffix}.old`;
  try {
    mkdirSync(dirname(dir), { recursive: true });
    for (const [path, text] of files) {
      const full = join(temp, path);
      mkdirSync(dirname(full), { recursive: true });
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
