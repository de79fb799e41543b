import type { Cluster, FargateProfile, Nodegroup } from '@aws-sdk/client-eks';
import type { KubeItem } from '../kube/sanitize.js';
import { asArray, asObject } from '../util/json.js';
import { byString } from '../util/order.js';

export interface ReferencedIds {
  securityGroupIds: string[];
  subnetIds: string[];
}

/** `id` fields of NodeClass selector terms and of resolved status entries. */
function termIds(value: unknown): string[] {
  return asArray(value).flatMap((term) => {
    const id = asObject(term).id;
    return typeof id === 'string' ? [id] : [];
  });
}

/**
 * The security groups and subnets the cluster's configuration names: the cluster VPC config, Fargate
 * profiles and node groups, plus IDs written literally in NodeClasses and SecurityGroupPolicies.
 * Selector terms by tag or name are resolved separately (selector-terms.ts), since they need EC2 to answer.
 */
export function referencedIds(
  cluster: Cluster | null,
  fargateProfiles: readonly FargateProfile[],
  nodegroups: readonly Nodegroup[],
  kubeItems: readonly KubeItem[],
): ReferencedIds {
  const groups = new Set<string>();
  const subnets = new Set<string>();
  const vpc = cluster?.resourcesVpcConfig;
  for (const id of vpc?.securityGroupIds ?? []) groups.add(id);
  if (vpc?.clusterSecurityGroupId) groups.add(vpc.clusterSecurityGroupId);
  for (const id of vpc?.subnetIds ?? []) subnets.add(id);
  for (const profile of fargateProfiles) for (const id of profile.subnets ?? []) subnets.add(id);
  for (const nodegroup of nodegroups) {
    for (const id of nodegroup.subnets ?? []) subnets.add(id);
    if (nodegroup.resources?.remoteAccessSecurityGroup) groups.add(nodegroup.resources.remoteAccessSecurityGroup);
  }
  for (const item of kubeItems) {
    const spec = asObject(item.spec);
    const status = asObject(item.status);
    if (item.kind === 'NodeClass' || item.kind === 'EC2NodeClass') {
      for (const id of [...termIds(spec.securityGroupSelectorTerms), ...termIds(spec.podSecurityGroupSelectorTerms), ...termIds(status.securityGroups)]) {
        groups.add(id);
      }
      for (const id of [...termIds(spec.subnetSelectorTerms), ...termIds(spec.podSubnetSelectorTerms), ...termIds(status.subnets)]) {
        subnets.add(id);
      }
    }
    if (item.kind === 'SecurityGroupPolicy') {
      for (const id of asArray(asObject(spec.securityGroups).groupIds)) if (typeof id === 'string') groups.add(id);
    }
  }
  return {
    securityGroupIds: [...groups].filter((id) => id.startsWith('sg-')).sort(byString),
    subnetIds: [...subnets].filter((id) => id.startsWith('subnet-')).sort(byString),
  };
}
