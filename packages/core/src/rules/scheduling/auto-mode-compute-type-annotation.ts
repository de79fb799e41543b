import { COMPUTE_TYPE_ANNOTATION } from '../../placement/fargate-profiles.js';
import { workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { describeWorkload } from '../../analysis/workload.js';
import { isKarpenterNodePool } from '../../placement/karpenter-pools.js';

const PROFILE_LABEL = 'eks.amazonaws.com/fargate-profile';

/**
 * AWS's mechanism for leaving Fargate: the pod-template annotation makes Fargate ignore the pod
 * despite its profile, and an Auto Mode NodePool picks it up (aws-facts §0.2, §7.1). CoreDNS is
 * left to the coredns rule: it must keep serving until the last Fargate pod has moved.
 */
export const autoModeComputeTypeAnnotationRule: Rule = {
  id: 'auto-mode-compute-type-annotation',
  title: 'Workloads moving to Auto Mode',
  capability: 'scheduling',
  targets: ['auto-mode'],
  check(ctx) {
    const out: FindingDraft[] = [];
    // The annotation only makes Fargate let the pod go; the default scheduler then picks any EC2 node
    // that fits, a managed node group's as readily as Auto Mode's (aws-facts §4.3: pin with a node selector).
    const nodegroups = ctx.inventory.nodePools.some(isKarpenterNodePool) ? [] : ctx.inventory.nodegroups.map((n) => n.name).sort();
    const toAuto = nodegroups.length > 0;
    for (const w of movers(ctx)) {
      const current = ctx.placement.workloads.get(w.key)?.current;
      // Pods a profile selects but Fargate cannot run are Pending there today: they start on Auto Mode, they do not move.
      const refused = current?.type === 'pending' && current.fargateProfile !== undefined ? current : null;
      if (current?.type !== 'fargate' && !refused) continue;
      const pinned = w.template.metadata.labels[PROFILE_LABEL];
      const bare = w.kind === 'Pod';
      // Only where the pods would land on Auto Mode anyway: one held to a node group by its own selector would have nowhere to run.
      const pin = toAuto && ctx.placement.workloads.get(w.key)?.target.type === 'auto-mode';
      out.push({
        severity: 'change',
        resource: workloadRef(w),
        message: refused
          ? `${describeWorkload(w)} does not run today (${refused.reason}); its pods stay Pending. It starts on Auto Mode when its pod template carries the annotation \`${COMPUTE_TYPE_ANNOTATION}: ec2\`.`
          : `${describeWorkload(w)} runs on Fargate; it moves to Auto Mode when its pod template carries the annotation \`${COMPUTE_TYPE_ANNOTATION}: ec2\`${pin ? ` and the node selector \`${COMPUTE_TYPE_ANNOTATION}: auto\` (without it, node group ${nodegroups.join(', ')} could take its pods)` : ''}.`,
        remediation: [
          `Set the pod-template annotation ${COMPUTE_TYPE_ANNOTATION}: ec2${pin ? ` and the node selector ${COMPUTE_TYPE_ANNOTATION}: auto` : ''} in its wave and roll it out (move workloads in waves, checking each before the next); verify its pods run on i-... nodes${pin ? ' of Auto Mode' : ''}.`,
          bare ? 'A bare Pod cannot be rescheduled: delete it and create it again with the annotation.' : '',
          pinned ? `Also drop the pod label ${PROFILE_LABEL}: ${pinned}, which only pins the pod to a Fargate profile.` : '',
        ]
          .filter(Boolean)
          .join(' '),
        // Keys in sorted order, as the plan JSON writes them: every Fargate workload gets this finding.
        action: {
          edits: [
            { key: COMPUTE_TYPE_ANNOTATION, op: 'set-pod-annotation', value: 'ec2' },
            ...(pin ? [{ key: COMPUTE_TYPE_ANNOTATION, op: 'set-node-selector' as const, value: 'auto' }] : []),
          ],
          type: 'workload',
        },
      });
    }
    return out;
  },
};
