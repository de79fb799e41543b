import type { Rule } from '../types.js';
import { describeWorkload, windowsEvidence } from './detect.js';
import { stayDraft } from './drafts.js';
import { blockedBy, daemonSets } from './scope.js';

/**
 * Windows is a blocker in both directions: Fargate on EKS and Auto Mode both run Linux only, so
 * Windows pods (DaemonSets included) stay on Windows managed nodes.
 */
export const fargateWindows: Rule = {
  id: 'fargate-windows',
  capability: 'windows',
  targets: ['fargate'],
  check(ctx, row) {
    const autoRow = ctx.matrix['auto-mode'].windows;
    return [...blockedBy(ctx, 'windows'), ...daemonSets(ctx)].flatMap((w) => {
      const evidence = windowsEvidence(w.template.spec);
      if (!evidence) return [];
      return [
        {
          ...stayDraft(
            ctx,
            w,
            `${describeWorkload(w)} cannot run on Fargate: ${evidence}. ${row.summary} ${autoRow.summary}`,
            'It stays on a Windows managed node group: keep that node group when the Linux workloads move to Fargate.',
            'managed-nodes',
          ),
          sources: autoRow.sources,
        },
      ];
    });
  },
};
