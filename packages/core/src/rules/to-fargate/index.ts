import type { Rule } from '../types.js';
import { fargateArm64 } from './arm64.js';
import { fargateCoreDns } from './coredns.js';
import { fargateDaemonSets } from './daemonsets.js';
import { fargateDisableAutoMode } from './disable-auto-mode.js';
import { fargateEbsVolumes } from './ebs-volumes.js';
import { fargateEfsDynamicProvisioning } from './efs-volumes.js';
import { fargateEphemeralStorage } from './ephemeral-storage.js';
import { fargateProfiles } from './fargate-profiles.js';
import { fargateGpu } from './gpu.js';
import { fargateGuardDutyRuntime } from './guardduty.js';
import { fargateHostNetwork } from './host-network.js';
import { fargateHostPath } from './host-path.js';
import { fargateImageCache } from './image-cache.js';
import { fargateKeepOnEc2 } from './keep-on-ec2.js';
import { fargateLoadBalancers } from './load-balancers.js';
import { fargateLogAgents } from './log-agents.js';
import { fargateNetworkPolicies } from './network-policies.js';
import { fargateNeuron } from './neuron.js';
import { fargateRetireNodePools } from './node-pools.js';
import { fargatePodAffinity } from './pod-affinity.js';
import { fargatePodExecutionRole } from './pod-execution-role.js';
import { fargatePodIdentity } from './pod-identity.js';
import { fargatePodSecurityGroups } from './pod-security-groups.js';
import { fargatePodSize } from './pod-size.js';
import { fargatePricingCommitments } from './pricing-commitments.js';
import { fargatePrivileged } from './privileged.js';
import { fargatePublicSubnets } from './public-subnets.js';
import { fargateResourceRequests } from './resource-requests.js';
import { fargateScheduling } from './scheduling.js';
import { fargateSpot } from './spot.js';
import { fargateTopologySpread } from './topology-spread.js';
import { fargateWindows } from './windows.js';

/** Rules that apply when workloads move to EKS on Fargate (from Auto Mode or EC2 nodes). */
export const TO_FARGATE_RULES: readonly Rule[] = [
  // What keeps a workload on EC2 capacity.
  fargateWindows,
  fargateGpu,
  fargateNeuron,
  fargateArm64,
  fargateHostNetwork,
  fargatePrivileged,
  fargateHostPath,
  fargateEbsVolumes,
  fargatePodSize,
  fargateEphemeralStorage,
  fargatePublicSubnets,
  // Node agents.
  fargateLogAgents,
  fargateDaemonSets,
  // Capacity, identity and scheduling for what moves.
  fargateProfiles,
  fargatePodExecutionRole,
  fargateKeepOnEc2,
  fargateScheduling,
  fargateSpot,
  fargateTopologySpread,
  fargatePodAffinity,
  fargateResourceRequests,
  fargateEfsDynamicProvisioning,
  fargatePodSecurityGroups,
  fargatePodIdentity,
  fargateCoreDns,
  fargateLoadBalancers,
  fargateNetworkPolicies,
  // What is lost or differs.
  fargateGuardDutyRuntime,
  fargateImageCache,
  fargatePricingCommitments,
  // Decommissioning Auto Mode.
  fargateRetireNodePools,
  fargateDisableAutoMode,
];
