import type { Rule } from '../types.js';
import { arm64PoolForAutoMode } from './arm64-pool.js';
import { authenticationModeForAutoMode } from './authentication-mode.js';
import { clusterRolePoliciesForAutoMode } from './cluster-role-policies.js';
import { computeTypeAnnotation } from './compute-type-annotation.js';
import { coreDnsOnFargate } from './coredns.js';
import { daemonSetsOnAutoMode } from './daemonsets.js';
import { ebsVolumesToAutoMode } from './ebs-volume.js';
import { efsCsiDriverForAutoMode } from './efs-csi-driver.js';
import { enableAutoMode } from './enable-auto-mode.js';
import { fargateLoggingToAutoMode } from './fargate-logging.js';
import { deleteFargateProfiles } from './fargate-profiles.js';
import { gpuPoolForAutoMode } from './gpu-pool.js';
import { guardDutyRuntimeOnAutoMode } from './guardduty-runtime.js';
import { hostPathOnAutoMode } from './host-path.js';
import { imageCacheOnAutoMode } from './image-cache.js';
import { kubernetesVersionForAutoMode } from './kubernetes-version.js';
import { loadBalancersToAutoMode } from './load-balancer.js';
import { ephemeralStorageOnAutoMode } from './ephemeral-storage.js';
import { loadBalancerNetworkPolicy } from './load-balancer-network-policy.js';
import { networkPolicyEnforcement } from './network-policy.js';
import { neuronPoolForAutoMode } from './neuron-pool.js';
import { nodeLifetimeWithoutPdb } from './node-lifetime.js';
import { podIdentityOnAutoMode } from './pod-identity.js';
import { podRequestsOnAutoMode } from './pod-requests.js';
import { privilegedOnAutoMode } from './privileged.js';
import { securityGroupPolicyForAutoMode } from './security-group-policy.js';
import { spotCandidates } from './spot-candidate.js';
import { windowsOnAutoMode } from './windows.js';

/** Rules that apply when workloads move to EKS Auto Mode. Output order does not depend on this list. */
export const TO_AUTO_MODE_RULES: readonly Rule[] = [
  kubernetesVersionForAutoMode,
  authenticationModeForAutoMode,
  clusterRolePoliciesForAutoMode,
  enableAutoMode,
  computeTypeAnnotation,
  securityGroupPolicyForAutoMode,
  networkPolicyEnforcement,
  loadBalancerNetworkPolicy,
  ephemeralStorageOnAutoMode,
  fargateLoggingToAutoMode,
  loadBalancersToAutoMode,
  coreDnsOnFargate,
  deleteFargateProfiles,
  efsCsiDriverForAutoMode,
  podIdentityOnAutoMode,
  spotCandidates,
  imageCacheOnAutoMode,
  guardDutyRuntimeOnAutoMode,
  nodeLifetimeWithoutPdb,
  podRequestsOnAutoMode,
  windowsOnAutoMode,
  gpuPoolForAutoMode,
  neuronPoolForAutoMode,
  arm64PoolForAutoMode,
  ebsVolumesToAutoMode,
  daemonSetsOnAutoMode,
  privilegedOnAutoMode,
  hostPathOnAutoMode,
];
