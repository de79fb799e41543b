// Kubernetes objects for tests, with only the fields a test cares about. One convention throughout:
// the name, then what the object cannot do without, then an options object (namespace 'shop' unless
// given).
import type { ConfigMap, Inventory, Namespaced, ServiceAccount } from '../inventory/types.js';
import type {
  IngressClassSpec,
  IngressSpec,
  KubeObject,
  LabelSelector,
  NodeClassSpec,
  NodePoolSpec,
  NodeSelectorRequirement,
  PersistentVolumeClaimSpec,
  PersistentVolumeSpec,
  PodDisruptionBudgetSpec,
  SecurityGroupPolicySpec,
  ServiceSpec,
  StringMap,
} from '../kube.js';

const origin = { file: 'test.yaml', line: 1 };

interface Placed {
  namespace?: string;
}

interface Annotated extends Placed {
  annotations?: StringMap;
}

/** A namespaced Kubernetes object of any kind, for the inventory's object buckets. */
export function anObject<Spec>(
  kind: string,
  name: string,
  spec: Spec,
  options: Annotated & { apiVersion?: string; labels?: StringMap } = {},
): KubeObject<Spec> & { metadata: { namespace: string } } {
  return {
    apiVersion: options.apiVersion ?? 'v1',
    kind,
    metadata: { name, namespace: options.namespace ?? 'shop', labels: options.labels ?? {}, annotations: options.annotations ?? {} },
    spec,
    origin,
  };
}

/** A cluster-scoped object (IngressClass, PersistentVolume, StorageClass...). */
export function aClusterObject<Spec>(kind: string, name: string, spec: Spec, options: { apiVersion?: string; annotations?: StringMap } = {}): KubeObject<Spec> {
  return { apiVersion: options.apiVersion ?? 'v1', kind, metadata: { name, labels: {}, annotations: options.annotations ?? {} }, spec, origin };
}

export function aConfigMap(name: string, data: StringMap, options: Placed = {}): ConfigMap {
  return { metadata: { name, namespace: options.namespace ?? 'shop', labels: {}, annotations: {} }, data, origin };
}

export function aServiceAccount(name: string, options: Annotated & { labels?: StringMap } = {}): ServiceAccount {
  return { metadata: { name, namespace: options.namespace ?? 'shop', labels: options.labels ?? {}, annotations: options.annotations ?? {} }, origin };
}

export function aService(name: string, spec: ServiceSpec, options: Annotated = {}): Namespaced<ServiceSpec> {
  return anObject<ServiceSpec>('Service', name, spec, options);
}

export function anIngress(name: string, spec: IngressSpec, options: Annotated = {}): Namespaced<IngressSpec> {
  return anObject<IngressSpec>('Ingress', name, spec, { ...options, apiVersion: 'networking.k8s.io/v1' });
}

/** `isDefault` sets the annotation that makes the class the cluster's default. */
export function anIngressClass(name: string, spec: IngressClassSpec, options: { isDefault?: boolean } = {}): KubeObject<IngressClassSpec> {
  const annotations: StringMap = options.isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : {};
  return aClusterObject<IngressClassSpec>('IngressClass', name, spec, { apiVersion: 'networking.k8s.io/v1', annotations });
}

/** `isDefault` adds the default-class annotation to any others given. */
export function aStorageClass(
  name: string,
  provisioner: string,
  options: { isDefault?: boolean; annotations?: StringMap } = {},
): Inventory['storageClasses'][number] {
  const annotations: StringMap = { ...options.annotations, ...(options.isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {}) };
  return { ...aClusterObject<Record<string, never>>('StorageClass', name, {}, { apiVersion: 'storage.k8s.io/v1', annotations }), provisioner, parameters: {} };
}

export function aClaim(name: string, spec: PersistentVolumeClaimSpec, options: Placed = {}): Namespaced<PersistentVolumeClaimSpec> {
  return anObject<PersistentVolumeClaimSpec>('PersistentVolumeClaim', name, spec, options);
}

export function aPersistentVolume(name: string, spec: PersistentVolumeSpec): KubeObject<PersistentVolumeSpec> {
  return aClusterObject<PersistentVolumeSpec>('PersistentVolume', name, spec);
}

/** By default one that denies all ingress to every pod of its namespace. */
export function aNetworkPolicy(name: string, options: Placed & { spec?: Record<string, unknown> } = {}): Namespaced<Record<string, unknown>> {
  const spec = options.spec ?? { podSelector: {}, policyTypes: ['Ingress'] };
  return anObject<Record<string, unknown>>('NetworkPolicy', name, spec, { namespace: options.namespace, apiVersion: 'networking.k8s.io/v1' });
}

export function aSecurityGroupPolicy(
  name: string,
  groupIds: string[],
  selector: { pods?: LabelSelector; serviceAccounts?: LabelSelector },
  options: Placed = {},
): Namespaced<SecurityGroupPolicySpec> {
  return anObject<SecurityGroupPolicySpec>(
    'SecurityGroupPolicy',
    name,
    { podSelector: selector.pods, serviceAccountSelector: selector.serviceAccounts, securityGroups: { groupIds } },
    { namespace: options.namespace, apiVersion: 'vpcresources.k8s.aws/v1beta1' },
  );
}

export function aPodDisruptionBudget(name: string, matchLabels: StringMap, options: Placed = {}): Namespaced<PodDisruptionBudgetSpec> {
  return anObject<PodDisruptionBudgetSpec>(
    'PodDisruptionBudget',
    name,
    { selector: { matchLabels }, maxUnavailable: 1 },
    { namespace: options.namespace, apiVersion: 'policy/v1' },
  );
}

/** A Karpenter NodePool; Auto Mode's (group eks.amazonaws.com, NodeClass `default`) unless told. */
export function aNodePool(
  name: string,
  options: {
    nodeClass?: string;
    group?: string;
    labels?: StringMap;
    requirements?: NodeSelectorRequirement[];
    taints?: { key: string; value?: string; effect: string }[];
  } = {},
): KubeObject<NodePoolSpec> {
  const spec: NodePoolSpec = {
    template: {
      metadata: { labels: options.labels ?? {} },
      spec: {
        nodeClassRef: {
          group: options.group ?? 'eks.amazonaws.com',
          kind: options.group === 'karpenter.k8s.aws' ? 'EC2NodeClass' : 'NodeClass',
          name: options.nodeClass ?? 'default',
        },
        requirements: options.requirements ?? [],
        taints: options.taints ?? [],
      },
    },
  };
  return aClusterObject<NodePoolSpec>('NodePool', name, spec, { apiVersion: 'karpenter.sh/v1' });
}

export function aNodeClass(name: string, spec: NodeClassSpec): KubeObject<NodeClassSpec> {
  return aClusterObject<NodeClassSpec>('NodeClass', name, spec, { apiVersion: 'eks.amazonaws.com/v1' });
}
