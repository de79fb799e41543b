import { resolve } from 'node:path';
import { UserError } from '@modeshift/core/base';
import { loadDocuments } from '@modeshift/inventory';
import { outOption, type Io } from '../io.js';
import { refuseNonEmpty, writeTreeAtomic } from '../write-tree.js';
import { planWithContext } from './plan.js';

export interface ExportOptions {
  to?: string;
  out?: string;
  force?: boolean;
  clusterVersion?: string;
}

/**
 * `modeshift export <path>… --to <mode> --out <dir>`: the plan's Kubernetes changes as kustomize folders to
 * commit (see the README it writes). Returns the exit code.
 */
export async function exportCommand(paths: string[], options: ExportOptions, io: Io): Promise<number> {
  const outPath = outOption(options.out, 'directory');
  if (outPath === undefined) throw new UserError('usage', '--out <dir> is required: the directory to write the export to');
  const out = resolve(io.cwd, outPath);
  refuseNonEmpty(out, options.force ?? false);
  const { plan, ctx } = await planWithContext(paths, options, io);
  const { buildExport } = await import('@modeshift/core');
  // base/ holds the objects as the inventory's files have them: read again, the plan's model keeps only what it reads.
  const files = buildExport(ctx, plan, await loadDocuments(paths));
  writeTreeAtomic(out, new Map(files.map((f) => [f.path, f.content])));
  const waves = files.filter((f) => /^waves\/[^/]+\/kustomization\.yaml$/.test(f.path)).length;
  io.stderr.write(`modeshift: wrote ${files.length} files (${waves} wave overlay${waves === 1 ? '' : 's'}) to ${outPath}; see its README.md\n`);
  if (plan.summary.readiness === 'blocked') io.stderr.write('modeshift: the plan has blockers; the workloads they keep are not in the export\n');
  return 0;
}
