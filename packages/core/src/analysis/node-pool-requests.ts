// The NodePools the Fargate → Auto Mode plan proposes are built here, from one shape, so that every
// pool restates the built-in pools' guardrails (aws-facts §4.1, §4.4).
import type { CapacityRequest, Taint } from '@modeshift/plan';
import type { NodeSelectorRequirement } from '../kube.js';

// Custom pools do not inherit the built-in pools' guardrails (§4.1, §4.4), so every proposed pool
// restates them: C/M/R families and amd64, because an amd64-only image would crash on a Graviton
// node that an unconstrained pool is free to launch.
export const CMR: NodeSelectorRequirement = { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm', 'r'] };
export const AMD64: NodeSelectorRequirement = { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] };
export const ON_DEMAND: NodeSelectorRequirement = { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] };

export type NodePoolRequest = Extract<CapacityRequest, { kind: 'node-pool' }>;

export function nodePoolRequest(
  name: string,
  purpose: NodePoolRequest['purpose'],
  requirements: NodeSelectorRequirement[],
  taint: Taint,
  limits: Record<string, string> = {},
): NodePoolRequest {
  return { kind: 'node-pool', name, purpose, requirements, taints: [taint], podSecurityGroupIds: [], limits };
}
