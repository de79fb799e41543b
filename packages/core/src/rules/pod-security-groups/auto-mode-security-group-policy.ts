import { SECURITY_GROUP_POLICY_LIMITS } from '../../capabilities/limits.js';
import type { Namespaced, Workload } from '../../inventory/types.js';
import type { SecurityGroupPolicySpec } from '../../kube.js';
import { shortHash } from '../../util/hash.js';
import { atLeast, formatVersion } from '../../version.js';
import { objectRef, workloadRef } from '../../analysis/refs.js';
import type { FindingDraft, Rule, RuleContext } from '../engine/types.js';
import { runsOnce } from '../../analysis/finished-runs.js';
import { NODEGROUP_LABEL } from '../../placement/node-pools.js';
import { movers } from '../../analysis/auto-mode-movers.js';
import { describeWorkload } from '../../analysis/workload.js';
import { PROPOSED } from '../../analysis/proposed-names.js';

type Sgp = Namespaced<SecurityGroupPolicySpec>;

// EC2 security group ids: "sg-" and 8 or 17 hex digits. Anything else (an envsubst placeholder
// such as ${CATALOG_SG_ID}, a name) would become a NodeClass selector that matches nothing.
const SG_ID = /^sg-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;

const sgpName = (p: Sgp) => `${p.metadata.namespace}/${p.metadata.name}`;
const groupsOf = (p: Sgp) => [...new Set(p.spec.securityGroups?.groupIds ?? [])].sort();

function invalidIds(p: Sgp): string[] {
  const ids = p.spec.securityGroups?.groupIds ?? [];
  return ids.length === 0 ? ['(no group ids)'] : ids.filter((id) => !SG_ID.test(id));
}

/** The NodePool (and taint value) that one distinct set of groups is re-homed to. */
function securityGroupPool(groupIds: readonly string[]): { hash: string; nodePool: string } {
  const hash = shortHash(groupIds);
  return { hash, nodePool: `sg-${hash}` };
}

function nodeClassDraft(groupIds: string[], resource: FindingDraft['resource'], message: string, discriminator?: string): FindingDraft {
  const { hash, nodePool } = securityGroupPool(groupIds);
  const terms = groupIds.map((id) => `{id: ${id}}`).join(', ');
  const many =
    groupIds.length > SECURITY_GROUP_POLICY_LIMITS.maxGroupIds
      ? ` The set has ${groupIds.length} groups, more than the ${SECURITY_GROUP_POLICY_LIMITS.maxGroupIds} AWS documents per pod: check the security-groups-per-ENI quota.`
      : '';
  return {
    severity: 'change',
    resource,
    discriminator,
    message: message + many,
    remediation: `Re-home this set of groups to a NodeClass (podSecurityGroupSelectorTerms [${terms}] with podSubnetSelectorTerms for the pod subnets, or securityGroupSelectorTerms to give the nodes themselves these groups) with a dedicated NodePool ${nodePool} tainted ${PROPOSED.securityGroupTaintKey}=${hash}:NoSchedule, and pin the matched pods to it with nodeSelector karpenter.sh/nodepool: ${nodePool} and a matching toleration. Every pod on that NodeClass shares the groups; keep the rules that allow kubelet probes and DNS (TCP and UDP 53).`,
    action: { type: 'security-groups', change: { kind: 'node-class-pod-security-groups', groupIds, nodePool } },
  };
}

function policyFinding(p: Sgp, onVersion: string, native: boolean): FindingDraft {
  const bad = invalidIds(p);
  if (bad.length > 0) {
    return {
      severity: 'change',
      resource: objectRef(p),
      message: `SecurityGroupPolicy ${sgpName(p)} lists ${bad.join(', ')}, which is not a security group id (an unrendered template placeholder?), so modeshift cannot tell which groups its pods need.`,
      remediation:
        'Render the manifest with the real sg-... ids, or collect the live object with `kubectl get securitygrouppolicy -A -o yaml`, and plan again.',
      action: { type: 'review' },
    };
  }
  const groups = groupsOf(p);
  if (native) {
    return {
      severity: 'advisory',
      resource: objectRef(p),
      message: `SecurityGroupPolicy ${sgpName(p)} (${groups.join(', ')}) is honoured by Auto Mode ${onVersion}, which assigns security groups to individual pods.`,
      remediation:
        'After each wave, check that the selected pods got their groups (pod annotation vpc.amazonaws.com/pod-eni) and can reach what they reached on Fargate.',
      action: { type: 'security-groups', change: { kind: 'verify-security-group-policy' } },
    };
  }
  return nodeClassDraft(
    groups,
    objectRef(p),
    `SecurityGroupPolicy ${sgpName(p)} gives its pods ${groups.join(', ')}; Auto Mode ${onVersion} does not support Security Groups per Pod.`,
  );
}

function workloadFindings(w: Workload, policies: Sgp[], onVersion: string): FindingDraft[] {
  const unresolved = policies.filter((p) => invalidIds(p).length > 0);
  if (unresolved.length > 0) {
    return [
      {
        severity: 'change',
        resource: workloadRef(w),
        discriminator: 'security-groups',
        message: `${describeWorkload(w)} is selected by SecurityGroupPolicy ${unresolved.map(sgpName).join(', ')}, whose group ids are not resolved, so its NodePool cannot be chosen yet.`,
        remediation: 'Resolve the policy’s group ids and plan again; until then keep the workload where it runs.',
        action: { type: 'review' },
      },
    ];
  }
  const sets = new Set(policies.map((p) => groupsOf(p).join(',')));
  const union = [...new Set(policies.flatMap(groupsOf))].sort();
  const { hash, nodePool } = securityGroupPool(union);
  const names = policies.map(sgpName).join(', ');
  const merged = sets.size > 1;
  const out: FindingDraft[] = [
    {
      severity: 'change',
      resource: workloadRef(w),
      discriminator: 'security-groups',
      message: merged
        ? `${describeWorkload(w)} is selected by several SecurityGroupPolicies (${names}) with different groups; its pods need the union ${union.join(', ')}, re-homed to NodePool ${nodePool}.`
        : `${describeWorkload(w)} gets ${union.join(', ')} from SecurityGroupPolicy ${names}; on Auto Mode ${onVersion} its pods must run on NodePool ${nodePool}, whose NodeClass carries these groups.`,
      remediation: `Add nodeSelector karpenter.sh/nodepool: ${nodePool} and the toleration ${PROPOSED.securityGroupTaintKey}=${hash}:NoSchedule to the pod template in the same wave that moves it.`,
      action: {
        type: 'workload',
        edits: [
          { op: 'set-node-selector', key: 'karpenter.sh/nodepool', value: nodePool },
          { op: 'add-toleration', toleration: { key: PROPOSED.securityGroupTaintKey, operator: 'Equal', value: hash, effect: 'NoSchedule' } },
        ],
      },
    },
  ];
  // No single policy names the union, so the NodeClass for it is requested here.
  if (merged) {
    out.push(
      nodeClassDraft(
        union,
        workloadRef(w),
        `${describeWorkload(w)} needs a NodeClass with the union of its policies' groups: ${union.join(', ')}.`,
        'security-groups-node-class',
      ),
    );
  }
  return out;
}

/**
 * Workloads the plan leaves on a managed node group, whose pods Auto Mode's nodes could take: the
 * scheduler places a restarted pod on any node it fits once Auto Mode's general-purpose pool exists.
 */
function nodeGroupStayers(ctx: RuleContext): { workload: Workload; nodegroup: string }[] {
  return ctx.inventory.workloads.flatMap((w) => {
    const placement = ctx.placement.workloads.get(w.key);
    const current = placement?.current;
    if (current?.type !== 'managed-nodes' || current.nodePool !== undefined || current.nodegroup === null) return [];
    if (w.kind === 'DaemonSet' || runsOnce(w) || placement?.target.type !== 'auto-mode') return [];
    return [{ workload: w, nodegroup: current.nodegroup }];
  });
}

/**
 * On a node group the VPC CNI gives the pods their SecurityGroupPolicy groups; on an Auto Mode node
 * below 1.36 they would run without them. Pinned to their node group before Auto Mode is enabled,
 * they keep them (the patch restarts them on the same node group).
 */
function nodeGroupPinDraft(w: Workload, nodegroup: string, policies: Sgp[], onVersion: string): FindingDraft {
  const groups = [...new Set(policies.flatMap(groupsOf))].sort();
  return {
    severity: 'change',
    resource: workloadRef(w),
    discriminator: 'security-groups-node-group',
    message: `${describeWorkload(w)} stays on node group ${nodegroup} with ${groups.join(', ')} from SecurityGroupPolicy ${policies.map(sgpName).join(', ')}; once Auto Mode is enabled a restarted pod may land on an Auto Mode node, which ${onVersion} runs it without these groups.`,
    remediation: `Before enabling Auto Mode, add nodeSelector ${NODEGROUP_LABEL}: ${nodegroup} to the pod template, so its pods stay on the node group that gives them their security groups.`,
    action: { type: 'workload', edits: [{ op: 'set-node-selector', key: NODEGROUP_LABEL, value: nodegroup }] },
  };
}

/** SecurityGroupPolicy moves 1:1 only on 1.36 or later; below that it degrades to NodeClass-level pod groups (aws-facts §0.5, §1). */
export const autoModeSecurityGroupPolicyRule: Rule = {
  id: 'auto-mode-security-group-policy',
  title: 'SecurityGroupPolicies',
  capability: 'pod-security-groups',
  targets: ['auto-mode'],
  check(ctx, row) {
    const policies = ctx.inventory.securityGroupPolicies;
    if (policies.length === 0) return [];
    const min = row.minKubernetesVersion;
    const version = ctx.clusterVersion;
    const native = version !== null && min !== null && atLeast(version, min);
    const onVersion = version
      ? `on Kubernetes ${formatVersion(version)}${native ? '' : ` (Security Groups per Pod need ${min})`}`
      : `on a cluster whose version is unknown (treated as below ${min}; pass --cluster-version if it runs ${min} or later)`;
    const out = policies.map((p) => policyFinding(p, onVersion, native));
    if (native) return out;
    for (const w of movers(ctx)) {
      const matched = ctx.index.securityGroupPoliciesFor(w);
      if (matched.length > 0) out.push(...workloadFindings(w, matched, onVersion));
    }
    for (const { workload, nodegroup } of nodeGroupStayers(ctx)) {
      const matched = ctx.index.securityGroupPoliciesFor(workload);
      if (matched.length > 0) out.push(nodeGroupPinDraft(workload, nodegroup, matched, onVersion));
    }
    return out;
  },
};
