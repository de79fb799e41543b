import type { Rule } from '../types.js';
import { describeWorkload, hostPathVolumes, listOf } from './detect.js';
import { stayDraft } from './drafts.js';
import { blockedBy, capacityName, stayOn } from './scope.js';

/** Fargate rejects hostPath volumes; there is no node filesystem to share. DaemonSets: see fargate-daemonsets. */
export const fargateHostPath: Rule = {
  id: 'fargate-host-path',
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
