import type { IngressClassSpec, KubeObject, NodeClassSpec, NodePoolSpec, PersistentVolumeSpec } from '../kube.js';
import { matchesSelector, matchesServiceSelector } from './selectors.js';
import type { ConfigMap, Inventory, Namespaced, ServiceAccount, Workload } from './types.js';

type Of<K extends keyof Inventory> = Inventory[K] extends (infer T)[] ? T : never;

function byNamespace<T extends { metadata: { namespace: string } }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.metadata.namespace);
    if (list) list.push(item);
    else map.set(item.metadata.namespace, [item]);
  }
  return map;
}

function byKey<T>(items: T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(key(item), item);
  return map;
}

/** Like byKey, but the first item with a key wins, as `Array.find` would pick it. */
function byKeyFirst<T>(items: T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (!map.has(k)) map.set(k, item);
  }
  return map;
}

// Joined, not `+`: keys of maps that live as long as the plan, one per object, are kept as one flat string each.
const nsName = (o: { metadata: { namespace: string; name: string } }) => [o.metadata.namespace, o.metadata.name].join('/');

interface Built {
  workloadsByKey: Map<string, Workload>;
  serviceAccounts: Map<string, ServiceAccount>;
  claims: Map<string, Of<'persistentVolumeClaims'>>;
  volumes: Map<string, KubeObject<PersistentVolumeSpec>>;
  storageClasses: Map<string, Of<'storageClasses'>>;
  configMaps: Map<string, ConfigMap>;
  ingressClasses: Map<string, KubeObject<IngressClassSpec>>;
  nodePools: Map<string, KubeObject<NodePoolSpec>>;
  nodeClasses: Map<string, KubeObject<NodeClassSpec>>;
  pdbsByNs: Map<string, Of<'podDisruptionBudgets'>[]>;
  sgpsByNs: Map<string, Of<'securityGroupPolicies'>[]>;
  servicesByNs: Map<string, Of<'services'>[]>;
  netpolsByNs: Map<string, Of<'networkPolicies'>[]>;
  hpasByNs: Map<string, Of<'horizontalPodAutoscalers'>[]>;
  workloadsByNs: Map<string, Workload[]>;
  servicesByName: Map<string, Of<'services'>>;
  ingressesByName: Map<string, Of<'ingresses'>>;
}

/**
 * Lookups rules need, built once per inventory so that every rule stays linear in inventory size:
 * per-namespace lists for selector matching, maps for by-name lookups. Each is built the first time
 * it is asked for: a plan needs only some of them, and each holds an entry per object of its kind.
 */
export class InventoryIndex {
  private readonly built: Partial<Built> = {};

  constructor(readonly inventory: Inventory) {}

  private get workloadsByKey() {
    return (this.built.workloadsByKey ??= byKey(this.inventory.workloads, (w) => w.key));
  }

  private get serviceAccounts() {
    return (this.built.serviceAccounts ??= byKey(this.inventory.serviceAccounts, nsName));
  }

  private get claims() {
    return (this.built.claims ??= byKey(this.inventory.persistentVolumeClaims, nsName));
  }

  private get volumes() {
    return (this.built.volumes ??= byKey(this.inventory.persistentVolumes, (v) => v.metadata.name));
  }

  private get storageClasses() {
    return (this.built.storageClasses ??= byKey(this.inventory.storageClasses, (s) => s.metadata.name));
  }

  private get configMaps() {
    return (this.built.configMaps ??= byKey(this.inventory.configMaps, nsName));
  }

  private get ingressClasses() {
    return (this.built.ingressClasses ??= byKey(this.inventory.ingressClasses, (c) => c.metadata.name));
  }

  private get nodePools() {
    return (this.built.nodePools ??= byKey(this.inventory.nodePools, (p) => p.metadata.name));
  }

  private get nodeClasses() {
    return (this.built.nodeClasses ??= byKey(this.inventory.nodeClasses, (c) => `${c.kind}/${c.metadata.name}`));
  }

  private get pdbsByNs() {
    return (this.built.pdbsByNs ??= byNamespace(this.inventory.podDisruptionBudgets));
  }

  private get sgpsByNs() {
    return (this.built.sgpsByNs ??= byNamespace(this.inventory.securityGroupPolicies));
  }

  private get servicesByNs() {
    return (this.built.servicesByNs ??= byNamespace(this.inventory.services));
  }

  private get netpolsByNs() {
    return (this.built.netpolsByNs ??= byNamespace(this.inventory.networkPolicies));
  }

  private get hpasByNs() {
    return (this.built.hpasByNs ??= byNamespace(this.inventory.horizontalPodAutoscalers));
  }

  private get workloadsByNs() {
    return (this.built.workloadsByNs ??= byNamespace(this.inventory.workloads));
  }

  private get servicesByName() {
    return (this.built.servicesByName ??= byKeyFirst(this.inventory.services, nsName));
  }

  private get ingressesByName() {
    return (this.built.ingressesByName ??= byKeyFirst(this.inventory.ingresses, nsName));
  }

  service(namespace: string, name: string): Of<'services'> | undefined {
    return this.servicesByName.get(`${namespace}/${name}`);
  }

  ingress(namespace: string, name: string): Of<'ingresses'> | undefined {
    return this.ingressesByName.get(`${namespace}/${name}`);
  }

  workload(key: string): Workload | undefined {
    return this.workloadsByKey.get(key);
  }

  workloadsIn(namespace: string): Workload[] {
    return this.workloadsByNs.get(namespace) ?? [];
  }

  /** The service account the workload's pods run as ("default" when unset). */
  serviceAccountOf(workload: Workload): ServiceAccount | undefined {
    const spec = workload.template.spec;
    const name = spec.serviceAccountName ?? spec.serviceAccount ?? 'default';
    return this.serviceAccounts.get(`${workload.metadata.namespace}/${name}`);
  }

  serviceAccount(namespace: string, name: string): ServiceAccount | undefined {
    return this.serviceAccounts.get(`${namespace}/${name}`);
  }

  claim(namespace: string, name: string): Of<'persistentVolumeClaims'> | undefined {
    return this.claims.get(`${namespace}/${name}`);
  }

  volume(name: string): KubeObject<PersistentVolumeSpec> | undefined {
    return this.volumes.get(name);
  }

  storageClass(name: string): Of<'storageClasses'> | undefined {
    return this.storageClasses.get(name);
  }

  /** The StorageClass annotated as the cluster default, if any. */
  defaultStorageClass(): Of<'storageClasses'> | undefined {
    return this.inventory.storageClasses.find(
      (s) => s.metadata.annotations['storageclass.kubernetes.io/is-default-class'] === 'true',
    );
  }

  configMap(namespace: string, name: string): ConfigMap | undefined {
    return this.configMaps.get(`${namespace}/${name}`);
  }

  ingressClass(name: string): KubeObject<IngressClassSpec> | undefined {
    return this.ingressClasses.get(name);
  }

  defaultIngressClass(): KubeObject<IngressClassSpec> | undefined {
    return this.inventory.ingressClasses.find(
      (c) => c.metadata.annotations['ingressclass.kubernetes.io/is-default-class'] === 'true',
    );
  }

  nodePool(name: string): KubeObject<NodePoolSpec> | undefined {
    return this.nodePools.get(name);
  }

  /** kind is "NodeClass" (Auto Mode) or "EC2NodeClass" (Karpenter). */
  nodeClass(kind: string, name: string): KubeObject<NodeClassSpec> | undefined {
    return this.nodeClasses.get(`${kind}/${name}`);
  }

  pdbsFor(workload: Workload): Of<'podDisruptionBudgets'>[] {
    const labels = workload.template.metadata.labels;
    return (this.pdbsByNs.get(workload.metadata.namespace) ?? []).filter(
      (pdb) => pdb.spec.selector !== undefined && matchesSelector(pdb.spec.selector, labels),
    );
  }

  /** SecurityGroupPolicies that select the workload's pods, by pod labels or service-account labels. */
  securityGroupPoliciesFor(workload: Workload): Of<'securityGroupPolicies'>[] {
    const labels = workload.template.metadata.labels;
    const saLabels = this.serviceAccountOf(workload)?.metadata.labels ?? {};
    return (this.sgpsByNs.get(workload.metadata.namespace) ?? []).filter((sgp) => {
      const { podSelector, serviceAccountSelector } = sgp.spec;
      if (podSelector && matchesSelector(podSelector, labels)) return true;
      if (serviceAccountSelector && matchesSelector(serviceAccountSelector, saLabels)) return true;
      return false;
    });
  }

  servicesFor(workload: Workload): Of<'services'>[] {
    const labels = workload.template.metadata.labels;
    return (this.servicesByNs.get(workload.metadata.namespace) ?? []).filter((s) =>
      matchesServiceSelector(s.spec.selector, labels),
    );
  }

  networkPoliciesIn(namespace: string): Of<'networkPolicies'>[] {
    return this.netpolsByNs.get(namespace) ?? [];
  }

  hpasFor(workload: Workload): Of<'horizontalPodAutoscalers'>[] {
    return (this.hpasByNs.get(workload.metadata.namespace) ?? []).filter((hpa) => {
      const ref = (hpa.spec as { scaleTargetRef?: { kind?: string; name?: string } }).scaleTargetRef;
      return ref?.kind === workload.kind && ref.name === workload.metadata.name;
    });
  }
}

export type { Namespaced };
