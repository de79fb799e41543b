import { SOURCES } from '../../capabilities/sources.js';
import { COMPUTE_TYPE_ANNOTATION, matchFargateProfile } from '../../placement/fargate-profiles.js';
import { proposedProfileName } from '../../placement/place.js';
import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { describeWorkload } from '../../analysis/workload.js';
import { candidates, capacityName, stayOn, stays, unprofiledNamespaces } from '../../analysis/fargate-scope.js';

/**
 * A workload that stays on EC2 in a namespace a Fargate profile will select would be handed to
 * Fargate at its next restart and stay Pending. AWS's own mechanism keeps it off: the pod
 * annotation eks.amazonaws.com/compute-type: ec2 (aws-facts §0.2).
 */
export const fargateKeepOnEc2Rule: Rule = {
  id: 'fargate-keep-on-ec2',
  title: 'Workloads kept on EC2',
  capability: 'scheduling',
  targets: ['fargate'],
  check(ctx) {
    const proposed = unprofiledNamespaces(ctx);
    return candidates(ctx).flatMap((w) => {
      if (!stays(ctx, w) || w.template.metadata.annotations[COMPUTE_TYPE_ANNOTATION] === 'ec2') return [];
      const ns = w.metadata.namespace;
      const existing = matchFargateProfile(ctx.inventory.fargateProfiles, w, { ignoreComputeType: true });
      const profile = existing?.name ?? (proposed.has(ns) ? proposedProfileName(ns) : null);
      if (!profile) return [];
      return [
        {
          severity: 'change' as const,
          resource: workloadRef(w),
          message: `${describeWorkload(w)} stays on ${capacityName(stayOn(ctx, w))}, but Fargate profile ${profile} selects its pods; at its next restart Fargate would take them and they would stay Pending.`,
          remediation: `Set the pod-template annotation ${COMPUTE_TYPE_ANNOTATION}: ec2 before the profile exists (or before the workload next restarts); Fargate then leaves its pods to the EC2 capacity.`,
          sources: [SOURCES.migrateFromFargate],
          action: { edits: [{ key: COMPUTE_TYPE_ANNOTATION, op: 'set-pod-annotation' as const, value: 'ec2' }], type: 'workload' as const },
        },
      ];
    });
  },
};
