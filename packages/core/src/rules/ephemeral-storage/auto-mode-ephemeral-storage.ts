import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import { podRequirement } from '../../analysis/fargate-size.js';
import { formatBytes, GIB_BYTES } from '../../analysis/quantities.js';
import { workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { currentType, movers } from '../../analysis/auto-mode-movers.js';
import { describeWorkload } from '../../analysis/workload.js';

/**
 * Fargate sizes ephemeral storage per pod (up to 175 GiB through requests); on Auto Mode every pod of
 * a node shares one volume, 80 GiB with the default NodeClass, images and logs included (aws-facts §2).
 * A pod that asks for more than the whole volume fits no default node, so it needs a NodeClass of its own.
 */
export const autoModeEphemeralStorageRule: Rule = {
  id: 'auto-mode-ephemeral-storage',
  title: 'Ephemeral storage',
  capability: 'ephemeral-storage',
  targets: ['auto-mode'],
  check(ctx) {
    const volume = AUTO_MODE_FACTS.defaultNodeEphemeralGib * GIB_BYTES;
    const out: FindingDraft[] = [];
    for (const w of movers(ctx)) {
      if (currentType(ctx, w) !== 'fargate') continue;
      const { ephemeralBytes } = podRequirement(w.template.spec);
      if (ephemeralBytes < volume) continue;
      const size = Math.ceil((ephemeralBytes / GIB_BYTES) * 1.25);
      out.push({
        severity: 'change',
        resource: workloadRef(w),
        message: `${describeWorkload(w)} requests ${formatBytes(ephemeralBytes)} of ephemeral storage per pod. On Fargate each pod had its own storage; on Auto Mode a node's pods share one volume of ${AUTO_MODE_FACTS.defaultNodeEphemeralGib}Gi with the default NodeClass, so its pods would stay Pending.`,
        remediation: `Before its wave, create a NodeClass with ephemeralStorage.size of at least ${size}Gi (the request plus room for images and logs) and a NodePool that uses it, and point the workload at that pool with a nodeSelector; or move the bulk data to a volume (EFS or EBS) and lower the request.`,
        action: { type: 'review' },
      });
    }
    return out;
  },
};
