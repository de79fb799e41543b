import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { COMPUTE_TYPE_ANNOTATION } from '../../placement/fargate-profiles.js';
import { anyMoving } from '../../analysis/fargate-scope.js';

/**
 * Fargate pods resolve names through the kube-dns Service, so CoreDNS must run before the first
 * pod moves, and on Fargate before Auto Mode (with the nodes CoreDNS may run on) is disabled.
 */
export const fargateCorednsRule: Rule = {
  id: 'fargate-coredns',
  title: 'CoreDNS',
  capability: 'coredns',
  targets: ['fargate'],
  check(ctx) {
    if (!anyMoving(ctx)) return [];
    const coredns = ctx.index.workload('Deployment/kube-system/coredns');
    if (coredns && ctx.placement.workloads.get(coredns.key)?.current.type === 'fargate') return [];
    const pinned = coredns?.template.metadata.annotations[COMPUTE_TYPE_ANNOTATION] === 'ec2';
    return [
      {
        severity: 'change',
        resource: coredns ? workloadRef(coredns) : null,
        message: `${coredns ? 'Deployment kube-system/coredns runs on EC2 capacity' : 'CoreDNS is not in the inventory'}; Fargate pods need CoreDNS, and it must run on Fargate before Auto Mode is disabled.${pinned ? ` Its pods carry ${COMPUTE_TYPE_ANNOTATION}: ec2, which keeps them off Fargate.` : ''}`,
        remediation: `Create a Fargate profile for kube-system (the CoreDNS pods, label k8s-app: kube-dns)${pinned ? `, remove the ${COMPUTE_TYPE_ANNOTATION} annotation` : ''}, make sure CoreDNS has replicas, and restart it; check that names resolve before moving the first workload.`,
        action: { type: 'capacity', request: { kind: 'coredns-on-fargate' } },
      },
    ];
  },
};
