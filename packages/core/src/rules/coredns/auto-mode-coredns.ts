import { profileSelects } from '../../placement/fargate-profiles.js';
import { workloadRef } from '../../analysis/refs.js';
import type { Rule } from '../engine/types.js';
import { currentType } from '../../analysis/auto-mode-movers.js';
import { isCoreDns } from '../../analysis/workload.js';

// The labels of the EKS CoreDNS pods, which a kube-system profile selector may name.
const COREDNS_LABELS = { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' };

/**
 * AWS ends the Fargate → Auto Mode migration by scaling CoreDNS to 0 "because EKS Auto Mode handles
 * CoreDNS"; pods still on Fargate resolve names through it, so it is the very last step (aws-facts §0.2, §1).
 */
export const autoModeCorednsRule: Rule = {
  id: 'auto-mode-coredns',
  title: 'CoreDNS',
  capability: 'coredns',
  targets: ['auto-mode'],
  check(ctx) {
    const coredns = ctx.inventory.workloads.find(isCoreDns);
    const remediation =
      "Scale it to 0 as the very last step (`kubectl scale deployment coredns -n kube-system --replicas=0`), never before every Fargate pod has moved and the Fargate profiles are deleted. Auto Mode's DNS serves only its own nodes: while any workload keeps running on Fargate or a node group, CoreDNS keeps its replicas (the plan's CoreDNS step then says which workloads), and before its Fargate profile is deleted, which would stop all its pods at once, it moves off Fargate by a rolling update (the pod annotation eks.amazonaws.com/compute-type: ec2).";
    if (coredns) {
      if (currentType(ctx, coredns) !== 'fargate') return [];
      return [
        {
          severity: 'change',
          resource: workloadRef(coredns),
          message:
            'CoreDNS (Deployment kube-system/coredns) runs on Fargate; Auto Mode provides cluster DNS itself, but Fargate pods depend on CoreDNS until they have moved.',
          remediation,
          action: { type: 'decommission', task: { kind: 'scale-coredns-to-zero' } },
        },
      ];
    }
    const profile = ctx.inventory.fargateProfiles.find((p) => profileSelects(p, 'kube-system', COREDNS_LABELS));
    if (!profile) return [];
    return [
      {
        severity: 'change',
        resource: null,
        message: `Fargate profile ${profile.name} selects kube-system, so CoreDNS most likely runs on Fargate (the inventory does not include the coredns Deployment); Fargate pods depend on it until they have moved.`,
        remediation,
        action: { type: 'decommission', task: { kind: 'scale-coredns-to-zero' } },
      },
    ];
  },
};
