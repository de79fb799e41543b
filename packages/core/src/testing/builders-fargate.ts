// Builders for the Auto Mode → Fargate rule tests: the Kubernetes and AWS objects those rules read,
// with only the fields a test cares about.
import type { Finding } from '@modeshift/plan';
import type { ConfigMap, Inventory, Namespaced, Nodegroup, SecurityGroup, ServiceAccount, Subnet, Workload } from '../inventory/types.js';
import type {
  Container,
  IngressClassSpec,
  IngressSpec,
  KubeObject,
  NodeClassSpec,
  NodePoolSpec,
  NodeSelectorRequirement,
  PersistentVolumeClaimSpec,
  PersistentVolumeSpec,
  ServiceSpec,
  StringMap,
} from '../kube.js';
import { runRules } from '../rules/run.js';
import type { Rule } from '../rules/types.js';
import { anAutoModeInventory, aWorkload, contextFor, type WorkloadOptions } from './builders.js';

const origin = { file: 'test.yaml', line: 1 };
const meta = (name: string, namespace: string | undefined, labels: StringMap = {}, annotations: StringMap = {}) => ({
  name,
  ...(namespace !== undefined ? { namespace } : {}),
  labels,
  annotations,
});

/** A container with the given requests and limits (nothing set when omitted). */
export function aContainer(name: string, requests?: StringMap, limits?: StringMap, extra: Partial<Container> = {}): Container {
  return { name, image: `public.ecr.aws/example/${name}:1.0`, ...(requests || limits ? { resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) } } : {}), ...extra };
}

export function aDaemonSet(options: WorkloadOptions = {}): Workload {
  return aWorkload({ kind: 'DaemonSet', namespace: 'monitoring', ...options });
}

export function aNodePool(name: string, options: { nodeClass?: string; group?: string; labels?: StringMap; requirements?: NodeSelectorRequirement[]; taints?: { key: string; value?: string; effect: string }[] } = {}): KubeObject<NodePoolSpec> {
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: meta(name, undefined),
    spec: {
      template: {
        metadata: { labels: options.labels ?? {} },
        spec: {
          nodeClassRef: { group: options.group ?? 'eks.amazonaws.com', kind: 'NodeClass', name: options.nodeClass ?? 'default' },
          requirements: options.requirements ?? [],
          taints: options.taints ?? [],
        },
      },
    },
    origin,
  };
}

export function aNodeClass(name: string, spec: NodeClassSpec): KubeObject<NodeClassSpec> {
  return { apiVersion: 'eks.amazonaws.com/v1', kind: 'NodeClass', metadata: meta(name, undefined), spec, origin };
}

export function aStorageClass(name: string, provisioner: string, isDefault = false): Inventory['storageClasses'][number] {
  const annotations: StringMap = isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {};
  return { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: meta(name, undefined, {}, annotations), spec: {}, provisioner, parameters: {}, origin };
}

export function aClaim(name: string, spec: PersistentVolumeClaimSpec, namespace = 'shop'): Namespaced<PersistentVolumeClaimSpec> {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { ...meta(name, namespace), namespace }, spec, origin };
}

export function aPersistentVolume(name: string, spec: PersistentVolumeSpec): KubeObject<PersistentVolumeSpec> {
  return { apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta(name, undefined), spec, origin };
}

export function aService(name: string, spec: ServiceSpec, namespace = 'shop', annotations: StringMap = {}): Namespaced<ServiceSpec> {
  return { apiVersion: 'v1', kind: 'Service', metadata: { ...meta(name, namespace, {}, annotations), namespace }, spec, origin };
}

export function anIngress(name: string, spec: IngressSpec, namespace = 'shop', annotations: StringMap = {}): Namespaced<IngressSpec> {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { ...meta(name, namespace, {}, annotations), namespace }, spec, origin };
}

export function anIngressClass(name: string, spec: IngressClassSpec, isDefault = false): KubeObject<IngressClassSpec> {
  const annotations: StringMap = isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : {};
  return { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta(name, undefined, {}, annotations), spec, origin };
}

export function aConfigMap(name: string, data: StringMap, namespace = 'shop'): ConfigMap {
  return { metadata: { ...meta(name, namespace), namespace }, data, origin };
}

export function aServiceAccount(name: string, namespace = 'shop', annotations: StringMap = {}): ServiceAccount {
  return { metadata: { ...meta(name, namespace, {}, annotations), namespace }, origin };
}

export function aNetworkPolicy(name: string, namespace = 'shop'): Namespaced<Record<string, unknown>> {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { ...meta(name, namespace), namespace }, spec: {}, origin };
}

export function aSubnet(id: string, isPublic: boolean, tags: StringMap = {}): Subnet {
  return { id, vpcId: 'vpc-0abc', availabilityZone: 'eu-west-1a', cidrBlock: '10.0.0.0/24', public: isPublic, tags, origin };
}

export function aSecurityGroup(id: string, name: string, tags: StringMap = {}): SecurityGroup {
  return { id, name, vpcId: 'vpc-0abc', description: null, tags, origin };
}

/** An EKS managed node group; Windows when amiType starts with WINDOWS. */
export function aManagedNodeGroup(name: string, labels: StringMap = {}, amiType: string | null = null): Nodegroup {
  return { name, instanceTypes: ['m5.large'], capacityType: 'ON_DEMAND', amiType, labels, taints: [], subnets: ['subnet-private-a'], desiredSize: 2, origin };
}

/** Runs the given rules against an Auto Mode inventory with the target set to Fargate. */
export function runToFargate(inventory: Inventory, rules: Rule[]): Finding[] {
  return runRules(contextFor(inventory, 'fargate'), rules);
}

/** Shorthand: an Auto Mode cluster holding these workloads (and other parts), planned to Fargate. */
export function planToFargate(workloads: Workload[], rules: Rule[], parts: Partial<Inventory> = {}): Finding[] {
  return runToFargate(anAutoModeInventory(workloads, parts), rules);
}
