import { OPERATOR_KINDS } from './operator-templates.js';
import { WORKLOAD_KINDS, type BuiltInWorkloadKind } from './types.js';

/** Where a Kubernetes kind lands in the Inventory. */
export type KubeBucket =
  | 'workloads'
  | 'operatorWorkloads'
  | 'namespaces'
  | 'nodes'
  | 'services'
  | 'ingresses'
  | 'ingressClasses'
  | 'ingressClassParams'
  | 'storageClasses'
  | 'persistentVolumeClaims'
  | 'persistentVolumes'
  | 'podDisruptionBudgets'
  | 'networkPolicies'
  | 'serviceAccounts'
  | 'securityGroupPolicies'
  | 'nodePools'
  | 'nodeClasses'
  | 'configMaps'
  | 'horizontalPodAutoscalers'
  | 'secrets'
  | 'other';

// Keyed by "group/kind" so that a CRD that reuses a built-in kind name (a `Deployment` in some
// example.com group) is not mistaken for the built-in one. The version is ignored on purpose:
// apps/v1beta2 and apps/v1 Deployments carry the same fields we read.
const BUCKETS = new Map<string, KubeBucket>([
  ['/Pod', 'workloads'],
  ['apps/Deployment', 'workloads'],
  ['apps/StatefulSet', 'workloads'],
  ['apps/DaemonSet', 'workloads'],
  ['apps/ReplicaSet', 'workloads'],
  ['batch/Job', 'workloads'],
  ['batch/CronJob', 'workloads'],
  ['/Namespace', 'namespaces'],
  ['/Node', 'nodes'],
  ['/Service', 'services'],
  ['/PersistentVolumeClaim', 'persistentVolumeClaims'],
  ['/PersistentVolume', 'persistentVolumes'],
  ['/ServiceAccount', 'serviceAccounts'],
  ['/ConfigMap', 'configMaps'],
  ['/Secret', 'secrets'],
  ['networking.k8s.io/Ingress', 'ingresses'],
  ['networking.k8s.io/IngressClass', 'ingressClasses'],
  ['networking.k8s.io/NetworkPolicy', 'networkPolicies'],
  // Auto Mode's own IngressClassParams and the AWS Load Balancer Controller's: rules tell them apart by apiVersion.
  ['eks.amazonaws.com/IngressClassParams', 'ingressClassParams'],
  ['elbv2.k8s.aws/IngressClassParams', 'ingressClassParams'],
  ['storage.k8s.io/StorageClass', 'storageClasses'],
  ['policy/PodDisruptionBudget', 'podDisruptionBudgets'],
  ['vpcresources.k8s.aws/SecurityGroupPolicy', 'securityGroupPolicies'],
  ['karpenter.sh/NodePool', 'nodePools'],
  ['eks.amazonaws.com/NodeClass', 'nodeClasses'],
  ['karpenter.k8s.aws/EC2NodeClass', 'nodeClasses'],
  ['autoscaling/HorizontalPodAutoscaler', 'horizontalPodAutoscalers'],
]);

// Old manifests still use `extensions/v1beta1`; the objects are the same ones the modern groups serve.
const LEGACY_GROUPS = new Map<string, string>([
  ['extensions/Deployment', 'apps'],
  ['extensions/DaemonSet', 'apps'],
  ['extensions/ReplicaSet', 'apps'],
  ['extensions/Ingress', 'networking.k8s.io'],
  ['extensions/NetworkPolicy', 'networking.k8s.io'],
]);

/**
 * Kinds that live outside namespaces. Every other kind, including CRDs we do not know, is taken to be
 * namespaced, as most are; a wrong guess only puts an ignored object in "default".
 */
const CLUSTER_SCOPED = new Set<string>([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'IngressClass',
  'IngressClassParams',
  'NodePool',
  'NodeClass',
  'EC2NodeClass',
  'NodeClaim',
  'NodeOverlay',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'RuntimeClass',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'VolumeSnapshotClass',
  'VolumeSnapshotContent',
  'PodSecurityPolicy',
  'CertificateSigningRequest',
  'ClusterTrustBundle',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'ComponentStatus',
  'IPAddress',
  'ServiceCIDR',
  'DeviceClass',
  'ResourceSlice',
  'GatewayClass',
  'ClusterIssuer',
  'ENIConfig',
  'CNINode',
]);

export interface KindInfo {
  /** API group with legacy aliases resolved; "" for the core group. */
  group: string;
  bucket: KubeBucket;
  clusterScoped: boolean;
}

const known = new Map<string, Map<string, KindInfo>>();

/** Shared per apiVersion and kind (an inventory has a few dozen of them and tens of thousands of objects): read it, never change it. */
export function kindInfo(apiVersion: string, kind: string): KindInfo {
  let byKind = known.get(apiVersion);
  if (!byKind) known.set(apiVersion, (byKind = new Map<string, KindInfo>()));
  let info = byKind.get(kind);
  if (!info) byKind.set(kind, (info = describeKind(apiVersion, kind)));
  return info;
}

function describeKind(apiVersion: string, kind: string): KindInfo {
  const slash = apiVersion.indexOf('/');
  const written = slash === -1 ? '' : apiVersion.slice(0, slash);
  const group = LEGACY_GROUPS.get(`${written}/${kind}`) ?? written;
  return {
    group,
    bucket: BUCKETS.get(`${group}/${kind}`) ?? (OPERATOR_KINDS.has(`${group}/${kind}`) ? 'operatorWorkloads' : 'other'),
    clusterScoped: CLUSTER_SCOPED.has(kind),
  };
}

export function isWorkloadKind(kind: string): kind is BuiltInWorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}
