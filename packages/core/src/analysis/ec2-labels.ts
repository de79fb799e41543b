// Node labels only EC2 capacity carries, and pod requirements on them.
import type { NodeSelectorRequirement, PodSpec } from '../kube.js';

/**
 * §4.3 and §7.4: node labels only EC2 capacity carries. Fargate nodes have none of them, and how
 * Fargate treats a nodeSelector it cannot satisfy is not documented, so the plan strips them.
 */
export function isEc2OnlyLabel(key: string): boolean {
  return (
    key === 'eks.amazonaws.com/compute-type' ||
    key.startsWith('eks.amazonaws.com/instance-') ||
    key === 'eks.amazonaws.com/nodegroup' ||
    key === 'eks.amazonaws.com/capacityType' ||
    key.startsWith('karpenter.sh/') ||
    key.startsWith('karpenter.k8s.aws/') ||
    key === 'node.kubernetes.io/instance-type' ||
    key === 'beta.kubernetes.io/instance-type'
  );
}

export const CAPACITY_TYPE_LABEL = 'karpenter.sh/capacity-type';

/** Node-affinity requirements, required and preferred alike: Fargate applies neither. */
export function nodeAffinityRequirements(spec: PodSpec): NodeSelectorRequirement[] {
  const na = spec.affinity?.nodeAffinity;
  const required = na?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const preferred = (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((p) => p.preference);
  return [...required, ...preferred].flatMap((t) => t.matchExpressions ?? []);
}

export const isSpotRequirement = (r: NodeSelectorRequirement) => r.key === CAPACITY_TYPE_LABEL && r.operator === 'In' && (r.values ?? []).includes('spot');
