import { SOURCES } from './sources.js';

/**
 * Numeric limits rules compare against, with where they come from
 * (../shared/reference/aws-facts.md §4.5, §4.6, §5 and fargate-sizing-and-pricing.json).
 */
export const FARGATE_LIMITS = {
  maxVcpu: 16,
  maxMemoryGb: 120,
  memoryOverheadMb: 256,
  defaultVcpu: 0.25,
  defaultMemoryGb: 0.5,
  defaultEphemeralGib: 20,
  maxEphemeralGib: 175,
  maxSelectorsPerProfile: 5,
  /** "Fargate profiles per cluster": 10 by default, adjustable (EKS service quotas). */
  defaultProfilesPerCluster: 10,
  sources: [SOURCES.fargatePodConfiguration, SOURCES.createFargateProfileApi, SOURCES.eksServiceQuotas],
} as const;

/** vCPU → allowed memory sizes in GB. */
export const FARGATE_COMBINATIONS: readonly { vcpu: number; memoryGb: readonly number[] }[] = [
  { vcpu: 0.25, memoryGb: [0.5, 1, 2] },
  { vcpu: 0.5, memoryGb: [1, 2, 3, 4] },
  { vcpu: 1, memoryGb: [2, 3, 4, 5, 6, 7, 8] },
  { vcpu: 2, memoryGb: range(4, 16, 1) },
  { vcpu: 4, memoryGb: range(8, 30, 1) },
  { vcpu: 8, memoryGb: range(16, 60, 4) },
  { vcpu: 16, memoryGb: range(32, 120, 8) },
];

export const SECURITY_GROUP_POLICY_LIMITS = { maxGroupIds: 5, sources: [SOURCES.securityGroupsForPodsExample] } as const;

export const AUTO_MODE_FACTS = {
  builtinNodePools: ['general-purpose', 'system'],
  /** Built-in general-purpose is amd64 only; system is amd64 + arm64 and tainted CriticalAddonsOnly. */
  systemPoolTaint: 'CriticalAddonsOnly',
  clusterRolePolicies: [
    'AmazonEKSClusterPolicy',
    'AmazonEKSComputePolicy',
    'AmazonEKSBlockStoragePolicy',
    'AmazonEKSLoadBalancingPolicy',
    'AmazonEKSNetworkingPolicy',
  ],
  /** The policy every EKS cluster role needs to create the cluster at all, so it is there before any Auto Mode change. */
  baseClusterRolePolicy: 'AmazonEKSClusterPolicy',
  nodeRolePolicies: ['AmazonEKSWorkerNodeMinimalPolicy', 'AmazonEC2ContainerRegistryPullOnly'],
  nodeAccessPolicy: 'AmazonEKSAutoNodePolicy',
  ebsProvisioner: 'ebs.csi.eks.amazonaws.com',
  albController: 'eks.amazonaws.com/alb',
  nlbClass: 'eks.amazonaws.com/nlb',
  /** NodeClass ephemeralStorage.size default (aws-facts §2 node ephemeral storage row): the node volume all its pods share. */
  defaultNodeEphemeralGib: 80,
  sources: [SOURCES.autoIam, SOURCES.autoBuiltinPools, SOURCES.autoStorageClass, SOURCES.autoAlb, SOURCES.autoNlb],
} as const;

function range(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = min; v <= max; v += step) out.push(v);
  return out;
}
