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

/** How each lookup is built from the inventory; InventoryIndex builds one the first time it is asked for. */
const LOOKUPS = {
  workloadsByKey: (i: Inventory) => byKey(i.workloads, (w) => w.key),
  serviceAccounts: (i: Inventory) => byKey(i.serviceAccounts, nsName),
  claims: (i: Inventory) => byKey(i.persistentVolumeClaims, nsName),
  volumes: (i: Inventory) => byKey(i.persistentVolumes, (v) => v.metadata.name),
  storageClasses: (i: Inventory) => byKey(i.storageClasses, (s) => s.metadata.name),
  configMaps: (i: Inventory) => byKey(i.configMaps, nsName),
  ingressClasses: (i: Inventory) => byKey(i.ingressClasses, (c) => c.metadata.name),
  nodePools: (i: Inventory) => byKey(i.nodePools, (p) => p.metadata.name),
  nodeClasses: (i: Inventory) => byKey(i.nodeClasses, (c) => `${c.kind}/${c.metadata.name}`),
  pdbsByNs: (i: Inventory) => byNamespace(i.podDisruptionBudgets),
  sgpsByNs: (i: Inventory) => byNamespace(i.securityGroupPolicies),
  servicesByNs: (i: Inventory) => byNamespace(i.services),
  netpolsByNs: (i: Inventory) => byNamespace(i.networkPolicies),
  hpasByNs: (i: Inventory) => byNamespace(i.horizontalPodAutoscalers),
  workloadsByNs: (i: Inventory) => byNamespace(i.workloads),
  servicesByName: (i: Inventory) => byKeyFirst(i.services, nsName),
  ingressesByName: (i: Inventory) => byKeyFirst(i.ingresses, nsName),
  namespacesByName: (i: Inventory) => byKeyFirst(i.namespaces, (n) => n.metadata.name),
};

type Lookups = { [K in keyof typeof LOOKUPS]: ReturnType<(typeof LOOKUPS)[K]> };

/**
 * Lookups rules need, built once per inventory so that every rule stays linear in inventory size:
 * per-namespace lists for selector matching, maps for by-name lookups. Each is built the first time
 * it is asked for: a plan needs only some of them, and each holds an entry per object of its kind.
 */
export class InventoryIndex {
  private readonly built: Partial<Lookups> = {};

  constructor(readonly inventory: Inventory) {}

  private lookup<K extends keyof Lookups>(name: K): Lookups[K] {
    return (this.built[name] ??= LOOKUPS[name](this.inventory) as Lookups[K]);
  }

  service(namespace: string, name: string): Of<'services'> | undefined {
    return this.lookup('servicesByName').get(`${namespace}/${name}`);
  }

  ingress(namespace: string, name: string): Of<'ingresses'> | undefined {
    return this.lookup('ingressesByName').get(`${namespace}/${name}`);
  }

  /** The Namespace object of this name (the first, if the inventory holds it twice). */
  namespace(name: string): Inventory['namespaces'][number] | undefined {
    return this.lookup('namespacesByName').get(name);
  }

  workload(key: string): Workload | undefined {
    return this.lookup('workloadsByKey').get(key);
  }

  workloadsIn(namespace: string): Workload[] {
    return this.lookup('workloadsByNs').get(namespace) ?? [];
  }

  /** The service account the workload's pods run as ("default" when unset). */
  serviceAccountOf(workload: Workload): ServiceAccount | undefined {
    const spec = workload.template.spec;
    const name = spec.serviceAccountName ?? spec.serviceAccount ?? 'default';
    return this.lookup('serviceAccounts').get(`${workload.metadata.namespace}/${name}`);
  }

  serviceAccount(namespace: string, name: string): ServiceAccount | undefined {
    return this.lookup('serviceAccounts').get(`${namespace}/${name}`);
  }

  claim(namespace: string, name: string): Of<'persistentVolumeClaims'> | undefined {
    return this.lookup('claims').get(`${namespace}/${name}`);
  }

  volume(name: string): KubeObject<PersistentVolumeSpec> | undefined {
    return this.lookup('volumes').get(name);
  }

  storageClass(name: string): Of<'storageClasses'> | undefined {
    return this.lookup('storageClasses').get(name);
  }

  /** The StorageClass annotated as the cluster default, if any. */
  defaultStorageClass(): Of<'storageClasses'> | undefined {
    return this.inventory.storageClasses.find((s) => s.metadata.annotations['storageclass.kubernetes.io/is-default-class'] === 'true');
  }

  configMap(namespace: string, name: string): ConfigMap | undefined {
    return this.lookup('configMaps').get(`${namespace}/${name}`);
  }

  ingressClass(name: string): KubeObject<IngressClassSpec> | undefined {
    return this.lookup('ingressClasses').get(name);
  }

  defaultIngressClass(): KubeObject<IngressClassSpec> | undefined {
    return this.inventory.ingressClasses.find((c) => c.metadata.annotations['ingressclass.kubernetes.io/is-default-class'] === 'true');
  }

  nodePool(name: string): KubeObject<NodePoolSpec> | undefined {
    return this.lookup('nodePools').get(name);
  }

  /** kind is "NodeClass" (Auto Mode) or "EC2NodeClass" (Karpenter). */
  nodeClass(kind: string, name: string): KubeObject<NodeClassSpec> | undefined {
    return this.lookup('nodeClasses').get(`${kind}/${name}`);
  }

  pdbsFor(workload: Workload): Of<'podDisruptionBudgets'>[] {
    const labels = workload.template.metadata.labels;
    return (this.lookup('pdbsByNs').get(workload.metadata.namespace) ?? []).filter(
      (pdb) => pdb.spec.selector !== undefined && matchesSelector(pdb.spec.selector, labels),
    );
  }

  /** SecurityGroupPolicies that select the workload's pods, by pod labels or service-account labels. */
  securityGroupPoliciesFor(workload: Workload): Of<'securityGroupPolicies'>[] {
    const labels = workload.template.metadata.labels;
    const saLabels = this.serviceAccountOf(workload)?.metadata.labels ?? {};
    return (this.lookup('sgpsByNs').get(workload.metadata.namespace) ?? []).filter((sgp) => {
      const { podSelector, serviceAccountSelector } = sgp.spec;
      if (podSelector && matchesSelector(podSelector, labels)) return true;
      if (serviceAccountSelector && matchesSelector(serviceAccountSelector, saLabels)) return true;
      return false;
    });
  }

  servicesFor(workload: Workload): Of<'services'>[] {
    const labels = workload.template.metadata.labels;
    return (this.lookup('servicesByNs').get(workload.metadata.namespace) ?? []).filter((s) => matchesServiceSelector(s.spec.selector, labels));
  }

  networkPoliciesIn(namespace: string): Of<'networkPolicies'>[] {
    return this.lookup('netpolsByNs').get(namespace) ?? [];
  }

  hpasFor(workload: Workload): Of<'horizontalPodAutoscalers'>[] {
    return (this.lookup('hpasByNs').get(workload.metadata.namespace) ?? []).filter((hpa) => {
      const ref = (hpa.spec as { scaleTargetRef?: { kind?: string; name?: string } }).scaleTargetRef;
      return ref?.kind === workload.kind && ref.name === workload.metadata.name;
    });
  }
}

export type { Namespaced };
