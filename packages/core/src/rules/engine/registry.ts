import { CLUSTER_ADVISORY_RULES } from '../cluster-advisories.js';
import { autoModeArm64PoolRule } from '../arm64/auto-mode-arm64-pool.js';
import { fargateArm64Rule } from '../arm64/fargate-arm64.js';
import { autoModeEnableRule } from '../autoscaling/auto-mode-enable.js';
import { autoModeFargateProfilesRule } from '../autoscaling/auto-mode-fargate-profiles.js';
import { autoModeKarpenterRule } from '../autoscaling/auto-mode-karpenter.js';
import { fargateRetireKarpenterRule } from '../autoscaling/fargate-retire-karpenter.js';
import { fargateDisableAutoModeRule } from '../autoscaling/fargate-disable-auto-mode.js';
import { fargateRetireNodePoolsRule } from '../autoscaling/fargate-retire-node-pools.js';
import { autoModeCorednsRule } from '../coredns/auto-mode-coredns.js';
import { fargateCorednsRule } from '../coredns/fargate-coredns.js';
import { autoModeDaemonsetsRule } from '../daemonset/auto-mode-daemonsets.js';
import { fargateDaemonsetsRule } from '../daemonset/fargate-daemonsets.js';
import { autoModeEbsVolumeRule } from '../ebs-volume/auto-mode-ebs-volume.js';
import { fargateEbsVolumesRule } from '../ebs-volume/fargate-ebs-volumes.js';
import { autoModeEfsCsiDriverRule } from '../efs-volume/auto-mode-efs-csi-driver.js';
import { fargateEfsDynamicProvisioningRule } from '../efs-volume/fargate-efs-dynamic-provisioning.js';
import { fargateUnmountableVolumesRule } from '../efs-volume/fargate-unmountable-volumes.js';
import { autoModeEphemeralStorageRule } from '../ephemeral-storage/auto-mode-ephemeral-storage.js';
import { autoModeDataInPodsRule } from '../ephemeral-storage/auto-mode-data-in-pods.js';
import { fargateDataInPodsRule } from '../ephemeral-storage/fargate-data-in-pods.js';
import { fargateEphemeralStorageRule } from '../ephemeral-storage/fargate-ephemeral-storage.js';
import { autoModeGpuPoolRule } from '../gpu/auto-mode-gpu-pool.js';
import { fargateGpuRule } from '../gpu/fargate-gpu.js';
import { fargateHostNetworkRule } from '../host-network/fargate-host-network.js';
import { autoModeHostPathRule } from '../host-path/auto-mode-host-path.js';
import { fargateHostPathRule } from '../host-path/fargate-host-path.js';
import { autoModeAuthenticationModeRule } from '../iam/auto-mode-authentication-mode.js';
import { autoModeClusterRolePoliciesRule } from '../iam/auto-mode-cluster-role-policies.js';
import { fargatePodExecutionRoleRule } from '../iam/fargate-pod-execution-role.js';
import { autoModeAddonVersionsRule } from '../kubernetes-version/auto-mode-addon-versions.js';
import { autoModeKubernetesVersionRule } from '../kubernetes-version/auto-mode-kubernetes-version.js';
import { autoModeLoadBalancerRule } from '../load-balancer/auto-mode-load-balancer.js';
import { fargateLoadBalancersRule } from '../load-balancer/fargate-load-balancers.js';
import { autoModeFargateLoggingRule } from '../logging/auto-mode-fargate-logging.js';
import { fargateLogAgentsRule } from '../logging/fargate-log-agents.js';
import { autoModeNetworkPolicyLoadBalancerRule } from '../network-policy/auto-mode-network-policy-load-balancer.js';
import { autoModeNetworkPolicyRule } from '../network-policy/auto-mode-network-policy.js';
import { fargateNetworkPoliciesRule } from '../network-policy/fargate-network-policies.js';
import { autoModeNeuronPoolRule } from '../neuron/auto-mode-neuron-pool.js';
import { fargateNeuronRule } from '../neuron/fargate-neuron.js';
import { autoModeNodeLifetimeRule } from '../os-patching/auto-mode-node-lifetime.js';
import { autoModePodIdentityRule } from '../pod-identity/auto-mode-pod-identity.js';
import { fargatePodIdentityRule } from '../pod-identity/fargate-pod-identity.js';
import { autoModeSecurityGroupPolicyRule } from '../pod-security-groups/auto-mode-security-group-policy.js';
import { fargatePodSecurityGroupsRule } from '../pod-security-groups/fargate-pod-security-groups.js';
import { fargateSecurityGroupPolicyEnforcedRule } from '../pod-security-groups/fargate-security-group-policy-enforced.js';
import { autoModePodRequestsRule } from '../pod-size/auto-mode-pod-requests.js';
import { fargatePodSizeRule } from '../pod-size/fargate-pod-size.js';
import { fargateResourceRequestsRule } from '../pod-size/fargate-resource-requests.js';
import { autoModePrivilegedRule } from '../privileged/auto-mode-privileged.js';
import { fargatePrivilegedRule } from '../privileged/fargate-privileged.js';
import { fargateServiceMeshRule } from '../privileged/fargate-service-mesh.js';
import { fargatePublicSubnetsRule } from '../public-ip/fargate-public-subnets.js';
import { autoModeComputeTypeAnnotationRule } from '../scheduling/auto-mode-compute-type-annotation.js';
import { autoModeFinishedJobsRule } from '../scheduling/auto-mode-finished-jobs.js';
import { fargateFinishedJobsRule } from '../scheduling/fargate-finished-jobs.js';
import { autoModeNodeAffinityRule } from '../scheduling/auto-mode-node-affinity.js';
import { fargateKeepOnEc2Rule } from '../scheduling/fargate-keep-on-ec2.js';
import { fargateNodeAffinityRule } from '../scheduling/fargate-node-affinity.js';
import { fargatePodAffinityRule } from '../scheduling/fargate-pod-affinity.js';
import { fargateProfilesRule } from '../scheduling/fargate-profiles.js';
import { fargateProfileQuotaRule } from '../scheduling/fargate-profile-quota.js';
import { autoModeUnreadPodTemplatesRule } from '../scheduling/auto-mode-unread-pod-templates.js';
import { fargateUnreadPodTemplatesRule } from '../scheduling/fargate-unread-pod-templates.js';
import { fargateSchedulingRule } from '../scheduling/fargate-scheduling.js';
import { fargateTopologySpreadRule } from '../scheduling/fargate-topology-spread.js';
import { autoModeSpotCandidateRule } from '../spot/auto-mode-spot-candidate.js';
import { fargateSpotRule } from '../spot/fargate-spot.js';
import { autoModeWindowsRule } from '../windows/auto-mode-windows.js';
import { fargateWindowsRule } from '../windows/fargate-windows.js';
import type { Rule } from './types.js';

/**
 * Every rule, in one list: one file per rule under rules/<capability>/, named by its id, plus the
 * cluster-wide advisories of rules/cluster-advisories.ts. Output order does not depend on this list:
 * findings are sorted.
 */
export const RULES: readonly Rule[] = [
  // Fargate → Auto Mode.
  autoModeKubernetesVersionRule,
  autoModeAddonVersionsRule,
  autoModeAuthenticationModeRule,
  autoModeClusterRolePoliciesRule,
  autoModeEnableRule,
  autoModeComputeTypeAnnotationRule,
  autoModeFinishedJobsRule,
  autoModeSecurityGroupPolicyRule,
  autoModeNetworkPolicyRule,
  autoModeNetworkPolicyLoadBalancerRule,
  autoModeEphemeralStorageRule,
  autoModeDataInPodsRule,
  fargateDataInPodsRule,
  autoModeFargateLoggingRule,
  autoModeLoadBalancerRule,
  autoModeCorednsRule,
  autoModeFargateProfilesRule,
  autoModeKarpenterRule,
  autoModeEfsCsiDriverRule,
  autoModePodIdentityRule,
  autoModeSpotCandidateRule,
  autoModeNodeLifetimeRule,
  autoModePodRequestsRule,
  autoModeWindowsRule,
  autoModeNodeAffinityRule,
  autoModeGpuPoolRule,
  autoModeNeuronPoolRule,
  autoModeArm64PoolRule,
  autoModeEbsVolumeRule,
  autoModeDaemonsetsRule,
  autoModePrivilegedRule,
  autoModeHostPathRule,
  // Auto Mode (or EC2 nodes) → Fargate.
  // What keeps a workload on EC2 capacity.
  fargateWindowsRule,
  fargateNodeAffinityRule,
  fargateGpuRule,
  fargateNeuronRule,
  fargateArm64Rule,
  fargateHostNetworkRule,
  fargatePrivilegedRule,
  fargateServiceMeshRule,
  fargateHostPathRule,
  fargateEbsVolumesRule,
  fargateUnmountableVolumesRule,
  fargatePodSizeRule,
  fargateEphemeralStorageRule,
  fargatePublicSubnetsRule,
  // Node agents.
  fargateLogAgentsRule,
  fargateDaemonsetsRule,
  // Capacity, identity and scheduling for what moves.
  fargateProfilesRule,
  fargateProfileQuotaRule,
  fargatePodExecutionRoleRule,
  fargateKeepOnEc2Rule,
  fargateSchedulingRule,
  fargateFinishedJobsRule,
  fargateSpotRule,
  fargateTopologySpreadRule,
  fargatePodAffinityRule,
  fargateResourceRequestsRule,
  fargateEfsDynamicProvisioningRule,
  fargatePodSecurityGroupsRule,
  fargateSecurityGroupPolicyEnforcedRule,
  fargatePodIdentityRule,
  fargateCorednsRule,
  fargateLoadBalancersRule,
  fargateNetworkPoliciesRule,
  // What is lost or differs.
  // Decommissioning Auto Mode.
  fargateRetireNodePoolsRule,
  fargateRetireKarpenterRule,
  fargateDisableAutoModeRule,
  // Both directions: pods the inventory holds but modeshift cannot read.
  autoModeUnreadPodTemplatesRule,
  fargateUnreadPodTemplatesRule,
  // Cluster-wide advisories (both directions).
  ...CLUSTER_ADVISORY_RULES,
];
