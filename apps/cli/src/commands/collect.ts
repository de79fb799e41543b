import { UserError } from '@modeshift/core';
import type { CollectOptions } from '@modeshift/collect';
import { outOption, type Io } from '../io.js';

/** The command's flags: the collector's own options, with --out checked here for a usage message. */
export type CollectCommandOptions = Partial<Pick<CollectOptions, 'out' | 'context' | 'kubeconfig' | 'cluster' | 'region' | 'profile' | 'force'>>;

/** `modeshift collect --out <dir>`: a live cluster into an inventory directory. */
export async function collectCommand(options: CollectCommandOptions, io: Io): Promise<number> {
  const out = outOption(options.out, 'inventory directory');
  if (out === undefined) throw new UserError('usage', '--out <dir> is required: the inventory directory to write');
  // The SDK warns about Node 20 on every run; that warning is noise in a read-only tool.
  io.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { collect, formatReport, stderrProgress } = await import('@modeshift/collect');
  // The command's own stderr, so that "only on a terminal" is decided by the stream we write to.
  const progress = stderrProgress(io.stderr);
  const abort = new AbortController();
  const onSignal = () => abort.abort(new UserError('api', 'interrupted: nothing was written'));
  process.once('SIGINT', onSignal);
  try {
    const report = await collect(
      {
        out,
        context: options.context,
        kubeconfig: options.kubeconfig,
        cluster: options.cluster,
        region: options.region,
        profile: options.profile,
        force: options.force ?? false,
        signal: abort.signal,
        env: io.env,
      },
      progress.listener,
    );
    progress.finish();
    io.stderr.write(formatReport(report));
    return 0;
  } catch (error) {
    progress.finish();
    if (abort.signal.aborted && !(error instanceof UserError)) throw new UserError('api', 'interrupted: nothing was written');
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
  }
}
