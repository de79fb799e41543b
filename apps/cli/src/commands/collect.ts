import { UserError } from '@modeshift/core';
import type { CollectOptions } from '@modeshift/collect';
import { outOption, type Io } from '../io.js';
import { parseDuration } from '../options.js';

/** The command's flags: the collector's own options, with --out checked here for a usage message. */
export type CollectCommandOptions = Partial<Pick<CollectOptions, 'out' | 'context' | 'kubeconfig' | 'cluster' | 'region' | 'profile' | 'force'>> & {
  /** The whole collect's bound, as typed: "10m", "90s", "1h". */
  deadline?: string;
};

/** The conventional exit status of a process stopped by SIGINT (128 + 2), as shells report Ctrl-C. */
export const INTERRUPTED_EXIT = 130;

/** `modeshift collect --out <dir>`: a live cluster into an inventory directory. */
export async function collectCommand(options: CollectCommandOptions, io: Io): Promise<number> {
  const out = outOption(options.out, 'inventory directory');
  if (out === undefined) throw new UserError('usage', '--out <dir> is required: the inventory directory to write');
  const deadlineMs = options.deadline === undefined ? undefined : parseDuration('--deadline', options.deadline);
  // The SDK warns about Node 20 on every run; that warning is noise in a read-only tool.
  io.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { collect, formatReport, stderrProgress } = await import('@modeshift/collect');
  // The command's own stderr, so that "only on a terminal" is decided by the stream we write to.
  const progress = stderrProgress(io.stderr);
  const interrupt = new AbortController();
  const onSignal = () => interrupt.abort(new Error('interrupted'));
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
        deadlineMs,
        signal: interrupt.signal,
        env: io.env,
      },
      progress.listener,
    );
    progress.finish();
    io.stderr.write(formatReport(report));
    return 0;
  } catch (error) {
    progress.finish();
    // collect() returns only once every request has stopped and its temporary directory is gone,
    // so whatever the abort surfaced as, an interrupted collect has left nothing behind.
    if (interrupt.signal.aborted) {
      io.stderr.write('modeshift: interrupted: nothing was written\n');
      return INTERRUPTED_EXIT;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
  }
}
