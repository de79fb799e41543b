import type { Rule } from '../engine/types.js';
import { meshMembership } from '../../analysis/service-mesh.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { capacityName, candidates, stayOn } from '../../analysis/fargate-scope.js';

/**
 * Meshed pods carry a proxy whose init container adds NET_ADMIN and NET_RAW to redirect traffic
 * with iptables; Fargate admission rejects added capabilities (aws-facts §2). Unlike a capability
 * added out of habit, these are what the mesh runs on, so the plan never removes them: the
 * workload stays on EC2 capacity unless it leaves the mesh.
 */
export const fargateServiceMeshRule: Rule = {
  id: 'fargate-service-mesh',
  title: 'Service mesh proxies',
  capability: 'privileged',
  targets: ['fargate'],
  check(ctx, row) {
    return candidates(ctx).flatMap((w) => {
      const membership = meshMembership(ctx.index, w);
      if (!membership) return [];
      const { mesh, evidence } = membership;
      return [
        stayDraft(
          ctx,
          w,
          `${describeWorkload(w)} runs in the ${mesh} service mesh (${evidence}): its proxy sidecar and the init container that redirects traffic with iptables need NET_ADMIN and NET_RAW. ${row.summary}`,
          `Keep it on ${capacityName(stayOn(ctx, w))} with the rest of the mesh. To move it, take it out of the mesh first (for Istio, the pod label sidecar.istio.io/inject: "false"; for Linkerd, the annotation linkerd.io/inject: disabled), replace what the mesh gave it (mTLS, retries, traffic policy), and plan again.`,
        ),
      ];
    });
  },
};
