import { idSet, managedLabels, orPlaceholder } from './meta.js';

export interface NodeClassInput {
  name: string;
  /** IAM role name for the nodes; an ARN is accepted and reduced to the name the NodeClass wants. */
  role: string;
  subnetIds: string[];
  securityGroupIds: string[];
  /** Security groups every pod on this NodeClass gets (one set for all pods, not per pod: aws-facts §0.5). */
  podSecurityGroupIds: string[];
  /**
   * Subnets for pod ENIs. AWS configures pod security groups together with pod subnets; when omitted and pod
   * security groups are set, the node subnets are reused, which also satisfies the same-AZ rule (awsdocs #1088).
   */
  podSubnetIds?: string[];
}

/**
 * An `eks.amazonaws.com/v1` NodeClass (aws-facts §4.2). Selector terms are by ID only: tag selectors could
 * match subnets or groups of another VPC in the account. Missing IDs become `<...>` placeholders so the
 * manifest fails loudly on apply instead of selecting something else.
 */
export function nodeClassManifest(input: NodeClassInput): Record<string, unknown> {
  // "default" is the built-in class Auto Mode owns; applying over it would change every built-in pool's nodes.
  if (input.name === 'default') throw new Error('A custom NodeClass must not be named "default": that name belongs to the built-in NodeClass.');
  const podSecurityGroups = idSet(input.podSecurityGroupIds);
  const spec: Record<string, unknown> = {
    role: roleName(input.role),
    subnetSelectorTerms: terms(input.subnetIds, 'private-subnet-id'),
    securityGroupSelectorTerms: terms(input.securityGroupIds, 'cluster-security-group-id'),
  };
  if (podSecurityGroups.length > 0) {
    const podSubnets = input.podSubnetIds !== undefined && idSet(input.podSubnetIds).length > 0 ? input.podSubnetIds : input.subnetIds;
    spec['podSubnetSelectorTerms'] = terms(podSubnets, 'private-subnet-id');
    spec['podSecurityGroupSelectorTerms'] = terms(podSecurityGroups, 'pod-security-group-id');
  }
  return {
    apiVersion: 'eks.amazonaws.com/v1',
    kind: 'NodeClass',
    metadata: { name: input.name, labels: managedLabels() },
    spec,
  };
}

function terms(ids: readonly string[], placeholder: string): { id: string }[] {
  const set = idSet(ids);
  return (set.length > 0 ? set : [orPlaceholder(undefined, placeholder)]).map((id) => ({ id }));
}

function roleName(role: string): string {
  const trimmed = role.trim();
  if (trimmed.startsWith('arn:')) return orPlaceholder(trimmed.split('/').pop(), 'node-role-name');
  return orPlaceholder(trimmed, 'node-role-name');
}
