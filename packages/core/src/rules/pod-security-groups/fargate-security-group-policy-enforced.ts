import type { Rule } from '../engine/types.js';
import { atLeast, formatVersion } from '../../version.js';
import { objectRef } from '../../analysis/refs.js';
import { listOf } from '../../analysis/names.js';
import { currentNodePool, movingWorkloads } from '../../analysis/fargate-scope.js';

/**
 * Auto Mode below Kubernetes 1.36 ignores SecurityGroupPolicy (aws-facts §2 per-pod SGs row), so a
 * policy can sit in a cluster for months without ever applying. Fargate enforces it (same row): the
 * pods it selects get exactly its groups, and pods that worked on Auto Mode may lose DNS, control-plane
 * reach and probes at the move. Each policy is raised once, with the rules its groups need.
 */
export const fargateSecurityGroupPolicyEnforcedRule: Rule = {
  id: 'fargate-security-group-policy-enforced',
  title: 'SecurityGroupPolicies enforced',
  capability: 'pod-security-groups',
  targets: ['fargate'],
  check(ctx, row) {
    const minimum = ctx.matrix['auto-mode']['pod-security-groups'].minKubernetesVersion;
    if (minimum && ctx.clusterVersion && atLeast(ctx.clusterVersion, minimum)) return [];
    const version = ctx.clusterVersion
      ? `Kubernetes ${formatVersion(ctx.clusterVersion)}`
      : `a Kubernetes version the inventory does not show (if below ${minimum ?? '1.36'})`;
    const selected = new Map<string, string[]>();
    for (const w of movingWorkloads(ctx)) {
      if (currentNodePool(ctx, w) === null) continue;
      for (const sgp of ctx.index.securityGroupPoliciesFor(w)) {
        const key = `${sgp.metadata.namespace}/${sgp.metadata.name}`;
        selected.set(key, [...(selected.get(key) ?? []), w.metadata.name]);
      }
    }
    const clusterSg = ctx.inventory.cluster?.clusterSecurityGroupId ?? null;
    return ctx.inventory.securityGroupPolicies.flatMap((sgp) => {
      const names = selected.get(`${sgp.metadata.namespace}/${sgp.metadata.name}`);
      if (!names) return [];
      const groups = [...new Set(sgp.spec.securityGroups?.groupIds ?? [])].sort();
      const hasClusterSg = clusterSg !== null && groups.includes(clusterSg);
      return [
        {
          severity: 'change' as const,
          resource: objectRef({ kind: 'SecurityGroupPolicy', metadata: sgp.metadata }),
          message: `SecurityGroupPolicy ${sgp.metadata.namespace}/${sgp.metadata.name} selects ${listOf(names)}, which run on Auto Mode at ${version}, where it is ignored; on Fargate it is enforced, and their pods get only ${groups.length > 0 ? listOf(groups) : 'the groups it lists'}. ${row.summary}`,
          remediation:
            `Before the move, make sure these groups allow what the pods needed without them: ` +
            `${hasClusterSg ? `the cluster security group ${clusterSg} is listed, which covers control-plane traffic;` : `inbound from the cluster security group${clusterSg ? ` ${clusterSg}` : ''} (control plane, webhooks, kubectl exec and logs; simplest: add that group to the policy);`} ` +
            "outbound TCP and UDP 53 to CoreDNS (cluster DNS); inbound on the ports the pods' liveness, readiness and startup probes use; and every port the application itself serves or calls. " +
            'The policy applies only to pods scheduled after it exists, so a mistake shows at the first restart on Fargate.',
          action: { type: 'review' as const },
        },
      ];
    });
  },
};
