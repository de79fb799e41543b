import { resolve } from 'node:path';
import { UserError } from '@modeshift/core';
import { outOption, type Io } from '../io.js';
import { refuseNonEmpty, writeTreeAtomic } from '../write-tree.js';
import { planFromPaths } from './plan.js';

export interface StackOptions {
  to?: string;
  out?: string;
  force?: boolean;
  stack?: string;
  clusterVersion?: string;
  prices?: string;
  jobHours?: string[];
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
    io.stderr.write(
      'modeshift: the inventory is incomplete (see the plan\'s "Not collected"); its decommission steps are held back and left out of the stack\n',
    );
  }
  if (plan.summary.readiness === 'blocked')
    io.stderr.write('modeshift: the plan has blockers; what they keep behind is left out of the stack (listed in index.ts and README.md)\n');
  return 0;
}
