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

const nsName = (o: { metadata: { namespace: string; name: string } }) => `${o.metadata.namespace}/${o.metadata.name}`;

/**
 * Lookups rules need, built once per inventory so that every rule stays linear in inventory size:
 * per-namespace lists for selector matching, maps for by-name lookups.
 */
export class InventoryIndex {
  private readonly workloadsByKey: Map<string, Workload>;
  private readonly serviceAccounts: Map<string, ServiceAccount>;
  private readonly claims: Map<string, Of<'persistentVolumeClaims'>>;
  private readonly volumes: Map<string, KubeObject<PersistentVolumeSpec>>;
  private readonly storageClasses: Map<string, Of<'storageClasses'>>;
  private readonly configMaps: Map<string, ConfigMap>;
  private readonly ingressClasses: Map<string, KubeObject<IngressClassSpec>>;
  private readonly nodePools: Map<string, KubeObject<NodePoolSpec>>;
  private readonly nodeClasses: Map<string, KubeObject<NodeClassSpec>>;
  private readonly pdbsByNs: Map<string, Of<'podDisruptionBudgets'>[]>;
  private readonly sgpsByNs: Map<string, Of<'securityGroupPolicies'>[]>;
  private readonly servicesByNs: Map<string, Of<'services'>[]>;
  private readonly netpolsByNs: Map<string, Of<'networkPolicies'>[]>;
  private readonly hpasByNs: Map<string, Of<'horizontalPodAutoscalers'>[]>;
  private readonly workloadsByNs: Map<string, Workload[]>;
  private readonly servicesByName: Map<string, Of<'services'>>;
  private readonly ingressesByName: Map<string, Of<'ingresses'>>;

  constructor(readonly inventory: Inventory) {
    this.workloadsByKey = byKey(inventory.workloads, (w) => w.key);
    this.serviceAccounts = byKey(inventory.serviceAccounts, nsName);
    this.claims = byKey(inventory.persistentVolumeClaims, nsName);
    this.volumes = byKey(inventory.persistentVolumes, (v) => v.metadata.name);
    this.storageClasses = byKey(inventory.storageClasses, (s) => s.metadata.name);
    this.configMaps = byKey(inventory.configMaps, nsName);
    this.ingressClasses = byKey(inventory.ingressClasses, (c) => c.metadata.name);
    this.nodePools = byKey(inventory.nodePools, (p) => p.metadata.name);
    this.nodeClasses = byKey(inventory.nodeClasses, (c) => `${c.kind}/${c.metadata.name}`);
    this.pdbsByNs = byNamespace(inventory.podDisruptionBudgets);
    this.sgpsByNs = byNamespace(inventory.securityGroupPolicies);
    this.servicesByNs = byNamespace(inventory.services);
    this.netpolsByNs = byNamespace(inventory.networkPolicies);
    this.hpasByNs = byNamespace(inventory.horizontalPodAutoscalers);
    this.workloadsByNs = byNamespace(inventory.workloads);
    this.servicesByName = byKeyFirst(inventory.services, nsName);
    this.ingressesByName = byKeyFirst(inventory.ingresses, nsName);
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
