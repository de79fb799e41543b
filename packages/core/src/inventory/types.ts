import type {
  IngressClassSpec,
  IngressSpec,
  KubeObject,
  NodeClassSpec,
  NodePoolSpec,
  ObjectMeta,
  Origin,
  PersistentVolumeClaimSpec,
  PersistentVolumeSpec,
  PodDisruptionBudgetSpec,
  PodTemplate,
  SecurityGroupPolicySpec,
  ServiceSpec,
  StringMap,
} from '../kube.js';
import type { OperatorWorkloadKind } from './operator-templates.js';

export type BuiltInWorkloadKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob' | 'ReplicaSet' | 'Pod';

/** Built-in workloads and the custom resources of well-known operators whose pod templates are read. */
export type WorkloadKind = BuiltInWorkloadKind | OperatorWorkloadKind;

export const WORKLOAD_KINDS: readonly BuiltInWorkloadKind[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet', 'Pod'];

/** A workload of a built-in kind; the others are operators' custom resources, whose pods their operator makes. */
export function isBuiltInWorkload(w: Workload): w is Workload & { kind: BuiltInWorkloadKind } {
  return (WORKLOAD_KINDS as readonly string[]).includes(w.kind);
}

/** How findings and steps name a resource: the plan contract's. */
export type { ResourceRef } from '@modeshift/plan';

/**
 * Anything that runs pods. ReplicaSets and Pods with an owner are folded into their owner by the
 * normaliser, so every workload here is something an operator edits.
 */
export interface Workload {
  /** "Deployment/shop/cart": unique within an inventory, stable across runs. */
  key: string;
  kind: WorkloadKind;
  apiVersion: string;
  metadata: ObjectMeta & { namespace: string };
  /** Desired replicas; null where the kind has none (DaemonSet, Job, CronJob). A bare Pod counts 1. */
  replicas: number | null;
  template: PodTemplate;
  /** StatefulSet volumeClaimTemplates, by name. */
  volumeClaimTemplates: { name: string; spec: PersistentVolumeClaimSpec }[];
  /** For bare Pods read from a live cluster: the node they run on. */
  nodeName: string | null;
  /**
   * A Job or bare Pod that has run to its end (Job condition Complete or Failed, Pod phase Succeeded
   * or Failed): nothing of it runs any more, and re-creating it would run it again.
   */
  finished: 'succeeded' | 'failed' | null;
  /**
   * For an operator's custom resource: the kubectl resource name, where this pod template is in the
   * object and which of its pods it is (a RayCluster has a head and worker groups, each a workload).
   */
  operator?: { resource: string; templatePath: string; part: string | null };
  origin: Origin;
}

/** `aws eks describe-cluster` → `.cluster`, the fields modeshift reads. */
export interface Cluster {
  name: string;
  arn: string | null;
  region: string | null;
  version: string | null;
  roleArn: string | null;
  vpcId: string | null;
  subnetIds: string[];
  securityGroupIds: string[];
  clusterSecurityGroupId: string | null;
  authenticationMode: string | null;
  oidcIssuer: string | null;
  autoMode: {
    enabled: boolean;
    nodePools: string[];
    nodeRoleArn: string | null;
    blockStorage: boolean;
    elasticLoadBalancing: boolean;
  };
  tags: StringMap;
  origin: Origin;
}

/** `aws eks describe-fargate-profile` → `.fargateProfile`. */
export interface FargateProfile {
  name: string;
  clusterName: string | null;
  podExecutionRoleArn: string | null;
  subnets: string[];
  selectors: { namespace: string; labels: StringMap }[];
  status: string | null;
  origin: Origin;
}

/** `aws eks describe-nodegroup` → `.nodegroup`. */
export interface Nodegroup {
  name: string;
  instanceTypes: string[];
  capacityType: string | null;
  amiType: string | null;
  labels: StringMap;
  taints: { key: string; value?: string; effect: string }[];
  subnets: string[];
  desiredSize: number | null;
  origin: Origin;
}

/** `aws ec2 describe-security-groups` → `.SecurityGroups[]`. */
export interface SecurityGroup {
  id: string;
  name: string | null;
  vpcId: string | null;
  description: string | null;
  tags: StringMap;
  origin: Origin;
}

/** `aws ec2 describe-subnets` → `.Subnets[]`. */
export interface Subnet {
  id: string;
  vpcId: string | null;
  availabilityZone: string | null;
  cidrBlock: string | null;
  /** MapPublicIpOnLaunch, or a route to an internet gateway when known. */
  public: boolean;
  tags: StringMap;
  origin: Origin;
}

export interface Node {
  name: string;
  labels: StringMap;
  taints: { key: string; value?: string; effect: string }[];
  origin: Origin;
}

export interface ConfigMap {
  metadata: ObjectMeta & { namespace: string };
  data: StringMap;
  origin: Origin;
}

/** Secrets are known by name and type only: their data never enters the inventory. */
export interface SecretName {
  namespace: string;
  name: string;
  type: string | null;
}

export interface ServiceAccount {
  metadata: ObjectMeta & { namespace: string };
  origin: Origin;
}

/** An object of a kind no rule reads: kept so counts and reports are honest. */
export interface OtherObject {
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  /** Where it keeps pods modeshift does not read ("a pod spec at spec.job.template.spec"); absent when it keeps none. */
  holdsPods?: string;
  origin: Origin;
}

export type { NotCollected } from '@modeshift/plan';
import type { NotCollected } from '@modeshift/plan';

export type Namespaced<Spec> = KubeObject<Spec> & { metadata: ObjectMeta & { namespace: string } };

export interface Inventory {
  cluster: Cluster | null;
  /**
   * When the inventory was taken (RFC 3339 or a calendar date), from `modeshift collect`'s
   * collection.json or a hand-written one; the earliest when several parts were read. null: not recorded.
   */
  collectedAt: string | null;
  fargateProfiles: FargateProfile[];
  nodegroups: Nodegroup[];
  securityGroups: SecurityGroup[];
  subnets: Subnet[];
  nodes: Node[];
  namespaces: KubeObject[];
  workloads: Workload[];
  services: Namespaced<ServiceSpec>[];
  ingresses: Namespaced<IngressSpec>[];
  ingressClasses: KubeObject<IngressClassSpec>[];
  ingressClassParams: KubeObject[];
  storageClasses: (KubeObject<Record<string, never>> & { provisioner: string; parameters: StringMap })[];
  persistentVolumeClaims: Namespaced<PersistentVolumeClaimSpec>[];
  persistentVolumes: KubeObject<PersistentVolumeSpec>[];
  podDisruptionBudgets: Namespaced<PodDisruptionBudgetSpec>[];
  networkPolicies: Namespaced<Record<string, unknown>>[];
  serviceAccounts: ServiceAccount[];
  securityGroupPolicies: Namespaced<SecurityGroupPolicySpec>[];
  nodePools: KubeObject<NodePoolSpec>[];
  /** Auto Mode `eks.amazonaws.com/v1 NodeClass` and Karpenter `karpenter.k8s.aws/v1 EC2NodeClass`. */
  nodeClasses: KubeObject<NodeClassSpec>[];
  configMaps: ConfigMap[];
  horizontalPodAutoscalers: Namespaced<Record<string, unknown>>[];
  secrets: SecretName[];
  other: OtherObject[];
  notCollected: NotCollected[];
}

export function emptyInventory(): Inventory {
  return {
    cluster: null,
    collectedAt: null,
    fargateProfiles: [],
    nodegroups: [],
    securityGroups: [],
    subnets: [],
    nodes: [],
    namespaces: [],
    workloads: [],
    services: [],
    ingresses: [],
    ingressClasses: [],
    ingressClassParams: [],
    storageClasses: [],
    persistentVolumeClaims: [],
    persistentVolumes: [],
    podDisruptionBudgets: [],
    networkPolicies: [],
    serviceAccounts: [],
    securityGroupPolicies: [],
    nodePools: [],
    nodeClasses: [],
    configMaps: [],
    horizontalPodAutoscalers: [],
    secrets: [],
    other: [],
    notCollected: [],
  };
}
