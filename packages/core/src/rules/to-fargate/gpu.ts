import type { Rule } from '../types.js';
import { describeWorkload, gpuEvidence } from './detect.js';
import { keepsCapacity, stayDraft } from './drafts.js';
import { blockedBy } from './scope.js';

/** GPUs are not available on Fargate; GPU pods keep their EC2 capacity. DaemonSets: see fargate-daemonsets. */
export const fargateGpu: Rule = {
  id: 'fargate-gpu',
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
