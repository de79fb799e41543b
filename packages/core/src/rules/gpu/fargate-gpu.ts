import type { Rule } from '../engine/types.js';
import { gpuEvidence } from '../../analysis/evidence.js';
import { describeWorkload } from '../../analysis/workload.js';
import { keepsCapacity, stayDraft } from '../../analysis/stay-drafts.js';
import { blockedBy } from '../../analysis/fargate-scope.js';

/** GPUs are not available on Fargate; GPU pods keep their EC2 capacity. DaemonSets: see fargate-daemonsets. */
export const fargateGpuRule: Rule = {
  id: 'fargate-gpu',
  title: 'GPU',
  capability: 'gpu',
  targets: ['fargate'],
  check(ctx, row) {
    return blockedBy(ctx, 'gpu').flatMap((w) => {
      const evidence = gpuEvidence(w.template.spec);
      if (!evidence) return [];
      // A toleration alone allows GPU nodes without requiring them: say how to clear a false alarm.
      const hint = evidence.startsWith('it tolerates') ? ' If it does not need a GPU, remove the toleration and plan again.' : '';
      return [
        stayDraft(
          ctx,
          w,
          `${describeWorkload(w)} cannot run on Fargate: ${evidence}. ${row.summary}`,
          `${keepsCapacity(ctx, w, 'a NodePool with GPU instances (Auto Mode brings the NVIDIA drivers and device plugin)')}${hint}`,
        ),
      ];
    });
  },
};
