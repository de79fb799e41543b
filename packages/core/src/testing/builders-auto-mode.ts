// Builders for the Fargate → Auto Mode rule tests: the objects those rules read, with only the
// fields a test cares about, and a one-call runner.
import type { Finding } from '@modeshift/plan';
import type { ConfigMap, Inventory, Namespaced, Nodegroup, ServiceAccount, Workload } from '../inventory/types.js';
import type {
  IngressClassSpec,
  IngressSpec,
  KubeObject,
  LabelSelector,
  PersistentVolumeClaimSpec,
  PersistentVolumeSpec,
  PodDisruptionBudgetSpec,
  SecurityGroupPolicySpec,
  ServiceSpec,
  StringMap,
} from '../kube.js';
import { runRules } from '../rules/run.js';
import type { Rule } from '../rules/types.js';
import { aCluster, anInventory, anObject, contextFor } from './builders.js';

const origin = { file: 'test.yaml', line: 1 };

/** Runs one rule for the Auto Mode target. */
export function autoModeFindings(rule: Rule, inventory: Inventory, clusterVersion?: string): Finding[] {
  return runRules(contextFor(inventory, 'auto-mode', clusterVersion), [rule]);
}

export function aNodegroup(name = 'general', overrides: Partial<Nodegroup> = {}): Nodegroup {
  return {
    name,
    instanceTypes: ['m6i.large'],
    capacityType: 'ON_DEMAND',
    amiType: 'AL2023_x86_64_STANDARD',
    labels: {},
    taints: [],
    subnets: ['subnet-private-a'],
    desiredSize: 2,
    origin,
    ...overrides,
  };
}

/** A cluster whose workloads run on managed node groups (no Fargate profile). */
export function aManagedNodesInventory(workloads: Workload[], parts: Partial<Inventory> = {}): Inventory {
  return anInventory({ cluster: aCluster(), nodegroups: [aNodegroup()], workloads, ...parts });
}

/** A cluster-scoped object (IngressClass, PersistentVolume, StorageClass...). */
export function aClusterObject<Spec>(kind: string, name: string, spec: Spec, extra: { apiVersion?: string; annotations?: StringMap } = {}): KubeObject<Spec> {
  return {
    apiVersion: extra.apiVersion ?? 'v1',
    kind,
    metadata: { name, labels: {}, annotations: extra.annotations ?? {} },
    spec,
    origin,
  };
}

export function anSgp(name: string, groupIds: string[], selector: { pods?: LabelSelector; serviceAccounts?: LabelSelector }, namespace = 'shop'): Namespaced<SecurityGroupPolicySpec> {
  return anObject<SecurityGroupPolicySpec>(
    'SecurityGroupPolicy',
    name,
    { podSelector: selector.pods, serviceAccountSelector: selector.serviceAccounts, securityGroups: { groupIds } },
    { namespace, apiVersion: 'vpcresources.k8s.aws/v1beta1' },
  );
}

export function aPdb(name: string, matchLabels: StringMap, namespace = 'shop'): Namespaced<PodDisruptionBudgetSpec> {
  return anObject<PodDisruptionBudgetSpec>('PodDisruptionBudget', name, { selector: { matchLabels }, maxUnavailable: 1 }, { namespace, apiVersion: 'policy/v1' });
}

export function aService(name: string, spec: ServiceSpec, extra: { namespace?: string; annotations?: StringMap } = {}): Namespaced<ServiceSpec> {
  return anObject<ServiceSpec>('Service', name, spec, extra);
}

export function anIngress(name: string, spec: IngressSpec, extra: { namespace?: string; annotations?: StringMap } = {}): Namespaced<IngressSpec> {
  return anObject<IngressSpec>('Ingress', name, spec, { ...extra, apiVersion: 'networking.k8s.io/v1' });
}

export function anIngressClass(name: string, controller: string): KubeObject<IngressClassSpec> {
  return aClusterObject<IngressClassSpec>('IngressClass', name, { controller }, { apiVersion: 'networking.k8s.io/v1' });
}

export function aClaim(name: string, spec: PersistentVolumeClaimSpec, namespace = 'shop'): Namespaced<PersistentVolumeClaimSpec> {
  return anObject<PersistentVolumeClaimSpec>('PersistentVolumeClaim', name, spec, { namespace });
}

export function aVolume(name: string, spec: PersistentVolumeSpec): KubeObject<PersistentVolumeSpec> {
  return aClusterObject<PersistentVolumeSpec>('PersistentVolume', name, spec);
}

export function aStorageClass(name: string, provisioner: string, annotations: StringMap = {}): Inventory['storageClasses'][number] {
  return { ...aClusterObject<Record<string, never>>('StorageClass', name, {}, { apiVersion: 'storage.k8s.io/v1', annotations }), provisioner, parameters: {} };
}

export function aConfigMap(namespace: string, name: string, data: StringMap): ConfigMap {
  return { metadata: { name, namespace, labels: {}, annotations: {} }, data, origin };
}

export function aServiceAccount(namespace: string, name: string, annotations: StringMap = {}, labels: StringMap = {}): ServiceAccount {
  return { metadata: { name, namespace, labels, annotations }, origin };
}

export function aNetworkPolicy(name: string, namespace = 'shop'): Namespaced<Record<string, unknown>> {
  return anObject<Record<string, unknown>>('NetworkPolicy', name, { podSelector: {}, policyTypes: ['Ingress'] }, { namespace, apiVersion: 'networking.k8s.io/v1' });
}
