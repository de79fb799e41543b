import { currentType, movers } from '../../analysis/auto-mode-movers.js';
import type { Rule } from '../engine/types.js';
import { dataInPodsFindings } from '../../analysis/pod-local-data.js';

/**
 * Workloads that move to Auto Mode keeping data their pods do not outlive (analysis/pod-local-data.ts): what
 * runs elsewhere today (Fargate, self-managed Karpenter's nodes); DaemonSets start anew on every node anyway.
 */
export const autoModeDataInPodsRule: Rule = {
  id: 'auto-mode-data-in-pods',
  title: 'Data kept in pods',
  capability: 'ephemeral-storage',
  targets: ['auto-mode'],
  check: (ctx) =>
    dataInPodsFindings(
      movers(ctx).filter((w) => {
        const now = currentType(ctx, w);
        return w.kind !== 'DaemonSet' && now !== undefined && now !== 'auto-mode' && now !== 'pending';
      }),
    ),
};
