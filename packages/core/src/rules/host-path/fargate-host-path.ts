import type { Rule } from '../engine/types.js';
import { hostPathVolumes } from '../../analysis/evidence.js';
import { listOf } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { blockedBy, capacityName, stayOn } from '../../analysis/fargate-scope.js';

/** Fargate rejects hostPath volumes; there is no node filesystem to share. DaemonSets: see fargate-daemonsets. */
export const fargateHostPathRule: Rule = {
  id: 'fargate-host-path',
  title: 'hostPath volumes',
  capability: 'host-path',
  targets: ['fargate'],
  check(ctx, row) {
    return blockedBy(ctx, 'host-path').flatMap((w) => {
      const volumes = hostPathVolumes(w.template.spec);
      if (volumes.length === 0) return [];
      return [
        stayDraft(
          ctx,
          w,
          `${describeWorkload(w)} mounts hostPath ${listOf(volumes.map((v) => `${v.path} (volume ${v.name})`))}: ${row.summary}`,
          `Replace each hostPath with emptyDir (scratch space), a ConfigMap or Secret (files), or an EFS volume (shared data) and plan again; otherwise it stays on ${capacityName(stayOn(ctx, w))}.`,
        ),
      ];
    });
  },
};
