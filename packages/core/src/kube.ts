// The subset of Kubernetes object shapes modeshift reads. Field names follow the Kubernetes API
// so that rules read like the manifests an operator already knows.

import type { LabelSelector, NodeSelectorRequirement, StringMap, Toleration } from '@modeshift/plan';

// The shapes a plan also carries are the plan contract's; the rest are read from inventories only.
export type { LabelSelector, NodeSelectorRequirement, StringMap, Toleration };

export interface OwnerReference {
  apiVersion?: string;
  kind: string;
  name: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name: string;
  /** Always set for namespaced kinds after normalisation ("default" when the file had none). */
  namespace?: string;
  labels: StringMap;
  annotations: StringMap;
  ownerReferences?: OwnerReference[];
}

/** Where an object was read from: a file and the 1-based line its document starts on. */
export interface Origin {
  file: string;
  line: number;
}

export interface KubeObject<Spec = Record<string, unknown>> {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec: Spec;
  origin: Origin;
}

export interface ResourceList {
  [resource: string]: string | number | undefined;
}

export interface ResourceRequirements {
  requests?: ResourceList;
  limits?: ResourceList;
}

export interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  runAsUser?: number;
  capabilities?: { add?: string[]; drop?: string[] };
  windowsOptions?: { hostProcess?: boolean };
}

export interface ContainerPort {
  containerPort: number;
  hostPort?: number;
  hostIP?: string;
  protocol?: string;
  name?: string;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
    fieldRef?: { fieldPath: string };
  };
}

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  ports?: ContainerPort[];
  resources?: ResourceRequirements;
  securityContext?: SecurityContext;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  /** "Always" on an init container makes it a native sidecar. */
  restartPolicy?: string;
}

export interface Volume {
  name: string;
  hostPath?: { path: string; type?: string };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  emptyDir?: { medium?: string; sizeLimit?: string };
  configMap?: { name?: string };
  secret?: { secretName?: string };
  csi?: { driver: string; volumeAttributes?: StringMap };
  nfs?: { server: string; path: string };
  awsElasticBlockStore?: { volumeID: string };
  ephemeral?: { volumeClaimTemplate?: { spec?: PersistentVolumeClaimSpec } };
  projected?: Record<string, unknown>;
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
    preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; preference: NodeSelectorTerm }[];
  };
  podAffinity?: Record<string, unknown>;
  podAntiAffinity?: Record<string, unknown>;
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  nodeSelector?: StringMap;
  nodeName?: string;
  affinity?: Affinity;
  tolerations?: Toleration[];
  topologySpreadConstraints?: Record<string, unknown>[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  serviceAccountName?: string;
  serviceAccount?: string;
  securityContext?: Record<string, unknown> & { windowsOptions?: { hostProcess?: boolean } };
  priorityClassName?: string;
  runtimeClassName?: string;
  schedulerName?: string;
  restartPolicy?: string;
}

export interface PodTemplate {
  metadata: { labels: StringMap; annotations: StringMap };
  spec: PodSpec;
}

export interface PersistentVolumeClaimSpec {
  storageClassName?: string | null;
  volumeName?: string;
  accessModes?: string[];
  resources?: ResourceRequirements;
}

export interface ServiceSpec {
  type?: string;
  selector?: StringMap;
  loadBalancerClass?: string;
  loadBalancerSourceRanges?: string[];
  externalTrafficPolicy?: string;
  allocateLoadBalancerNodePorts?: boolean;
  ports?: { port: number; targetPort?: number | string; protocol?: string; name?: string; nodePort?: number }[];
}

/** Where an Ingress sends traffic: a Service and its port, by name or by number. */
export interface IngressBackend {
  service?: { name: string; port?: { name?: string; number?: number } };
}

export interface IngressSpec {
  ingressClassName?: string;
  defaultBackend?: IngressBackend;
  rules?: { host?: string; http?: { paths: { path?: string; backend: IngressBackend }[] } }[];
  tls?: { hosts?: string[]; secretName?: string }[];
}

export interface IngressClassSpec {
  controller?: string;
  parameters?: { apiGroup?: string; kind: string; name: string };
}

export interface PersistentVolumeSpec {
  storageClassName?: string;
  capacity?: ResourceList;
  accessModes?: string[];
  csi?: { driver: string; volumeHandle?: string };
  awsElasticBlockStore?: { volumeID: string };
  nfs?: { server: string; path: string };
  claimRef?: { namespace?: string; name?: string };
}

export interface PodDisruptionBudgetSpec {
  selector?: LabelSelector;
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

export interface SecurityGroupPolicySpec {
  podSelector?: LabelSelector;
  serviceAccountSelector?: LabelSelector;
  securityGroups?: { groupIds?: string[] };
}

export interface NodePoolSpec {
  weight?: number;
  limits?: ResourceList;
  template?: {
    metadata?: { labels?: StringMap; annotations?: StringMap };
    spec?: {
      nodeClassRef?: { group?: string; kind?: string; name?: string };
      requirements?: NodeSelectorRequirement[];
      taints?: { key: string; value?: string; effect: string }[];
      startupTaints?: { key: string; value?: string; effect: string }[];
      expireAfter?: string;
    };
  };
  disruption?: Record<string, unknown>;
}

export interface SelectorTerm {
  id?: string;
  name?: string;
  tags?: StringMap;
}

export interface NodeClassSpec {
  role?: string;
  subnetSelectorTerms?: SelectorTerm[];
  securityGroupSelectorTerms?: SelectorTerm[];
  podSubnetSelectorTerms?: SelectorTerm[];
  podSecurityGroupSelectorTerms?: SelectorTerm[];
  advancedNetworking?: { associatePublicIPAddress?: boolean };
  ephemeralStorage?: { size?: string };
}

export interface ConfigMapBody {
  data: StringMap;
}
