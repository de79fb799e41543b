import { workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { currentType, isWindowsPinned } from '../../analysis/auto-mode-movers.js';
import { replacedBy } from '../../analysis/replaced-daemonsets.js';
import { describeWorkload } from '../../analysis/workload.js';

/**
 * DaemonSets run on every Auto Mode node (aws-facts §2 DaemonSets row), including ones that never
 * ran on a Fargate-only cluster; Auto Mode provides the VPC CNI, kube-proxy, EBS CSI node plugin,
 * Pod Identity Agent and GPU/Neuron device plugins itself (§2 add-ons, GPU and Neuron rows).
 */
export const autoModeDaemonsetsRule: Rule = {
  id: 'auto-mode-daemonsets',
  title: 'DaemonSets',
  capability: 'daemonset',
  targets: ['auto-mode'],
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const w of ctx.inventory.workloads) {
      if (w.kind !== 'DaemonSet' || isWindowsPinned(w)) continue;
      const current = currentType(ctx, w);
      if (current === 'auto-mode') continue;
      const replaced = replacedBy(w);
      if (replaced) {
        out.push({
          severity: 'advisory',
          resource: workloadRef(w),
          message: `${describeWorkload(w)} is ${replaced}, which Auto Mode provides itself on its nodes.`,
          remediation:
            'Keep it only while EC2 nodes outside Auto Mode remain, and check that its pods do not schedule onto Auto Mode nodes (node affinity eks.amazonaws.com/compute-type NotIn [auto]); remove it once those nodes are gone.',
          action: { type: 'review' },
        });
        continue;
      }
      out.push({
        severity: 'advisory',
        resource: workloadRef(w),
        message:
          current === 'managed-nodes'
            ? `${describeWorkload(w)} will also run a pod on every Auto Mode node.`
            : `${describeWorkload(w)} has no node to run on today; on Auto Mode it will start a pod on every node.`,
        remediation:
          'Review it before enabling Auto Mode: check that it is still wanted, that its tolerations and node affinity pick the right nodes, that its requests are counted into node sizes, and that host access it needs works on Auto Mode nodes (SELinux, read-only root filesystem, no SSH).',
        action: { type: 'review' },
      });
    }
    return out;
  },
};
