import type { Rule } from '../engine/types.js';
import { windowsEvidence } from '../../analysis/evidence.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { blockedBy, daemonSets } from '../../analysis/fargate-scope.js';

/**
 * Windows is a blocker in both directions: Fargate on EKS and Auto Mode both run Linux only, so
 * Windows pods (DaemonSets included) stay on Windows managed nodes.
 */
export const fargateWindowsRule: Rule = {
  id: 'fargate-windows',
  title: 'Windows',
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
