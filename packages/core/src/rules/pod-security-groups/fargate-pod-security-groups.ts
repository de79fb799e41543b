import { SECURITY_GROUP_POLICY_LIMITS } from '../../capabilities/limits.js';
import type { Workload } from '../../inventory/types.js';
import type { LabelSelector } from '../../kube.js';
import type { FindingDraft, Rule } from '../engine/types.js';
import { listOf } from '../../analysis/names.js';
import { autoNodeClassOf, resolveSecurityGroups } from '../../analysis/node-class.js';
import { selectorFor } from '../../analysis/pod-selector.js';
import { currentNodePool, movingWorkloads } from '../../analysis/fargate-scope.js';

interface Groups {
  nodeClass: string;
  /** Whether the groups come from podSecurityGroupSelectorTerms or, failing those, the node's own groups. */
  from: 'pod' | 'node';
  ids: string[];
  unresolved: string[];
}

function describeSelector(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const exprs = (selector.matchExpressions ?? []).map((e) => `${e.key} in (${(e.values ?? []).join(', ')})`);
  return [...labels, ...exprs].join(', ');
}

/**
 * On Auto Mode, pods get their NodeClass's pod security groups, or else the node's groups; on Fargate
 * they get the cluster security group unless a SecurityGroupPolicy says otherwise. The default
 * NodeClass uses the cluster group, so only its pod terms matter.
 */
export const fargatePodSecurityGroupsRule: Rule = {
  id: 'fargate-pod-security-groups',
  title: 'Pod security groups',
  capability: 'pod-security-groups',
  targets: ['fargate'],
  check(ctx) {
    const clusterSg = ctx.inventory.cluster?.clusterSecurityGroupId ?? null;
    const perClass = new Map<string, Groups | null>();
    const groupsOf = (pool: string): Groups | null => {
      const nc = autoNodeClassOf(ctx, pool);
      if (!nc) return null;
      const name = nc.metadata.name;
      if (perClass.has(name)) return perClass.get(name) ?? null;
      const podTerms = nc.spec.podSecurityGroupSelectorTerms ?? [];
      const from: Groups['from'] = podTerms.length > 0 ? 'pod' : 'node';
      const terms = from === 'pod' ? podTerms : name === 'default' ? [] : (nc.spec.securityGroupSelectorTerms ?? []);
      const { found, unresolved } = resolveSecurityGroups(ctx.inventory, terms);
      const ids = found.filter((id) => id !== clusterSg);
      const groups: Groups | null = ids.length > 0 || unresolved.length > 0 ? { nodeClass: name, from, ids: found, unresolved } : null;
      perClass.set(name, groups);
      return groups;
    };
    // namespace → NodeClass → workloads
    const buckets = new Map<string, Map<string, { groups: Groups; workloads: Workload[] }>>();
    for (const w of movingWorkloads(ctx)) {
      const pool = currentNodePool(ctx, w);
      const groups = pool ? groupsOf(pool) : null;
      if (!groups || ctx.index.securityGroupPoliciesFor(w).length > 0) continue;
      const ns = w.metadata.namespace;
      const byClass = buckets.get(ns) ?? new Map<string, { groups: Groups; workloads: Workload[] }>();
      buckets.set(ns, byClass);
      const entry = byClass.get(groups.nodeClass) ?? { groups, workloads: [] };
      byClass.set(groups.nodeClass, entry);
      entry.workloads.push(w);
    }
    const drafts: FindingDraft[] = [];
    for (const ns of [...buckets.keys()].sort()) {
      const byClass = buckets.get(ns)!;
      for (const nodeClass of [...byClass.keys()].sort()) {
        const { groups, workloads } = byClass.get(nodeClass)!;
        const names = listOf(workloads.map((w) => w.metadata.name));
        const source = groups.from === 'pod' ? 'podSecurityGroupSelectorTerms' : 'the node security groups (securityGroupSelectorTerms)';
        const groupIds = [...new Set([...groups.ids, ...(clusterSg ? [clusterSg] : [])])].sort();
        // A policy for the whole namespace would also give these groups to pods that never had them.
        const keys = new Set(workloads.map((w) => w.key));
        const podSelector = selectorFor(
          workloads,
          ctx.index.workloadsIn(ns).filter((w) => !keys.has(w.key)),
        );
        const selectorText =
          podSelector === null
            ? ''
            : Object.keys(podSelector).length === 0
              ? ''
              : ` It selects only these workloads' pods (${describeSelector(podSelector)}), because other pods of ${ns} never had these groups.`;
        const shared =
          podSelector === null
            ? ` Other pods of namespace ${ns} never had these groups and no one label tells them apart: give these workloads a label of their own and narrow the policy's podSelector to it.`
            : selectorText;
        const base = {
          severity: 'change' as const,
          resource: { kind: 'Namespace', name: ns, namespace: null },
          discriminator: nodeClass,
        };
        if (groups.unresolved.length > 0) {
          drafts.push({
            ...base,
            message: `${names} in namespace ${ns} get security groups from NodeClass ${nodeClass} (${source}), but ${listOf(groups.unresolved)} cannot be resolved to group ids offline; on Fargate the pods would get only the cluster security group.`,
            remediation: `Add \`aws ec2 describe-security-groups\` output to the inventory and plan again, or write the SecurityGroupPolicy for ${ns} by hand with those group ids plus the cluster security group (control-plane traffic), ${SECURITY_GROUP_POLICY_LIMITS.maxGroupIds} groups at most.${shared}`,
            action: { type: 'review' },
          });
          continue;
        }
        const tooMany = groupIds.length > SECURITY_GROUP_POLICY_LIMITS.maxGroupIds;
        drafts.push({
          ...base,
          message: `${names} in namespace ${ns} get security groups ${listOf(groups.ids)} from NodeClass ${nodeClass} (${source}); on Fargate the pods would get only the cluster security group.`,
          remediation:
            `The plan creates a SecurityGroupPolicy in ${ns} with ${listOf(groupIds)}${clusterSg ? ` (including the cluster security group ${clusterSg}, so the control plane still reaches the pods)` : '; add the cluster security group so the control plane still reaches the pods'}. It applies only to pods scheduled after it exists, so it comes before the move.` +
            (tooMany
              ? ` That is more than the ${SECURITY_GROUP_POLICY_LIMITS.maxGroupIds} groups a policy takes: merge rules into fewer groups or have the quota raised.`
              : '') +
            shared,
          action:
            tooMany || podSelector === null
              ? { type: 'review' }
              : { type: 'security-groups', change: { kind: 'security-group-policy', namespace: ns, groupIds, podSelector } },
        });
      }
    }
    return drafts;
  },
};
