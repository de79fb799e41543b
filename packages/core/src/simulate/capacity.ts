import type { FargateProfile, Inventory, Nodegroup, Workload } from '../inventory/types.js';
import type { KubeObject, NodeClassSpec, NodePoolSpec } from '../kube.js';
import { COMPUTE_TYPE_ANNOTATION, matchFargateProfile } from '../placement/fargate-profiles.js';
import { BUILTIN_POOLS, poolFromNodePool, type PoolModel } from '../placement/node-pools.js';
import { scheduleWorkload, type NodeCapacity } from '../placement/place.js';
import type { Compute } from '../placement/types.js';
import { fargateRejects } from './fargate-admission.js';
import { NO_UNSEEN_CAPACITY, type UnseenCapacity } from '../placement/unseen-capacity.js';

/** The security groups a NodeClass gives pods on its nodes (pod-level terms when set, else the node's own). */
export interface NodeClassGroups {
  groups: string[];
}

interface Pool {
  model: PoolModel;
  /** The NodeClass it launches with; null for pools read from the inventory (their class is assumed to exist). */
  needsClass: string | null;
  nodeClass: string | null;
}

const classOf = (pool: KubeObject<NodePoolSpec>) => pool.spec.template?.spec?.nodeClassRef?.name ?? null;

function selectorIds(terms: unknown): string[] {
  if (!Array.isArray(terms)) return [];
  return terms.flatMap((t) => (typeof t === 'object' && t !== null && typeof (t as { id?: unknown }).id === 'string' ? [(t as { id: string }).id] : []));
}

/**
 * As the pod security group rule reads it: pod terms when set, else the node's groups, except that
 * the default NodeClass uses the cluster security group, which every pod has anyway.
 */
export function nodeClassGroups(name: string, spec: NodeClassSpec | Record<string, unknown>, clusterSg: string | null): NodeClassGroups {
  const s = spec as Record<string, unknown>;
  const pod = selectorIds(s.podSecurityGroupSelectorTerms);
  const groups = pod.length > 0 ? pod : name === 'default' ? [] : selectorIds(s.securityGroupSelectorTerms);
  return { groups: groups.filter((g) => g !== clusterSg).sort() };
}

/**
 * Where pods can run, as the plan changes it: Fargate profiles (indexed by the namespaces they
 * select, so a change re-checks only the pods it can affect), Auto Mode and its pools, self-managed
 * Karpenter pools and managed node groups. Scheduling itself is the placement code's.
 */
export class CapacityState {
  private readonly profiles = new Map<string, FargateProfile>();
  private readonly byNamespace = new Map<string, FargateProfile[]>();
  private wildcard: FargateProfile[] = [];
  private readonly pools = new Map<string, Pool>();
  // Private, with read-only views below: a change from outside would skip the version bump.
  private readonly classes = new Map<string, NodeClassGroups>();
  private mode: Readonly<{ enabled: boolean; builtins: readonly string[]; loadBalancing: boolean }>;
  private readonly nodegroups: Nodegroup[];
  private node: NodeCapacity | null = null;
  readonly clusterSg: string | null;
  /**
   * Bumped by every change to profiles, pools, NodeClasses or Auto Mode: a pod template landed at
   * the same version lands the same way. The replay lands most workloads again after steps that
   * changed nothing of this (an annotated service account, a namespace's policies), so the answer is
   * kept per pod template with the version it was found at.
   */
  private version = 0;
  private readonly landed = new WeakMap<Workload, { version: number; compute: Compute }>();

  /** NodeClasses by name, with the security groups their nodes get. */
  get nodeClasses(): ReadonlyMap<string, NodeClassGroups> {
    return this.classes;
  }

  /** Whether Auto Mode is on, its built-in pools and whether it runs load balancers. */
  get autoMode(): Readonly<{ enabled: boolean; builtins: readonly string[]; loadBalancing: boolean }> {
    return this.mode;
  }

  /** `unseen`: capacity placement assumed for workloads the inventory's own capacity does not run (unseen-capacity.ts). */
  constructor(inventory: Inventory, unseen: UnseenCapacity = NO_UNSEEN_CAPACITY) {
    const cluster = inventory.cluster;
    const pools = inventory.nodePools.map((p) => ({ model: poolFromNodePool(p), nodeClass: classOf(p) }));
    const shown =
      cluster?.autoMode.enabled ?? (pools.some((p) => p.model.autoMode) || inventory.nodes.some((n) => n.labels[COMPUTE_TYPE_ANNOTATION] === 'auto'));
    const enabled = shown || unseen.autoMode;
    this.mode = {
      enabled,
      builtins: enabled ? ((shown ? cluster?.autoMode.nodePools : undefined) ?? Object.keys(BUILTIN_POOLS)) : [],
      loadBalancing: enabled && (cluster?.autoMode.elasticLoadBalancing ?? true),
    };
    for (const { model, nodeClass } of pools) this.pools.set(model.name, { model, needsClass: null, nodeClass });
    for (const model of unseen.pools) this.pools.set(model.name, { model, needsClass: null, nodeClass: null });
    this.clusterSg = cluster?.clusterSecurityGroupId ?? null;
    for (const nc of inventory.nodeClasses)
      if (nc.kind === 'NodeClass') this.classes.set(nc.metadata.name, nodeClassGroups(nc.metadata.name, nc.spec, this.clusterSg));
    this.nodegroups = [...inventory.nodegroups, ...unseen.nodegroups];
    for (const p of [...inventory.fargateProfiles, ...unseen.profiles]) this.addProfile(p);
  }

  profile(name: string): FargateProfile | undefined {
    return this.profiles.get(name);
  }

  addProfile(profile: FargateProfile): void {
    this.removeProfile(profile.name);
    this.version++;
    this.profiles.set(profile.name, profile);
    for (const ns of literalNamespaces(profile)) {
      const list = this.byNamespace.get(ns);
      if (list) list.push(profile);
      else this.byNamespace.set(ns, [profile]);
    }
    if (literalNamespaces(profile).length < profile.selectors.length) this.wildcard = [...this.wildcard, profile];
  }

  removeProfile(name: string): FargateProfile | undefined {
    const old = this.profiles.get(name);
    if (!old) return undefined;
    this.version++;
    this.profiles.delete(name);
    for (const ns of literalNamespaces(old))
      this.byNamespace.set(
        ns,
        (this.byNamespace.get(ns) ?? []).filter((p) => p !== old),
      );
    this.wildcard = this.wildcard.filter((p) => p !== old);
    return old;
  }

  /** Whether a profile's selectors could take pods of the namespace (labels aside). */
  hasWildcards(): boolean {
    return this.wildcard.length > 0;
  }

  setPool(pool: KubeObject<NodePoolSpec>): void {
    const ref = pool.spec.template?.spec?.nodeClassRef;
    const needsClass = ref?.group === 'eks.amazonaws.com' && ref.name !== undefined && ref.name !== 'default' ? ref.name : null;
    this.pools.set(pool.metadata.name, { model: poolFromNodePool(pool), needsClass, nodeClass: classOf(pool) });
    this.changed();
  }

  /** Self-managed Karpenter's pools, which nothing provisions once its controller is gone. */
  removeKarpenterPools(): void {
    for (const [name, pool] of this.pools) if (!pool.model.autoMode) this.pools.delete(name);
    this.changed();
  }

  removePool(name: string): boolean {
    this.changed();
    return this.pools.delete(name);
  }

  pool(name: string): PoolModel | undefined {
    return this.pools.get(name)?.model ?? (this.mode.builtins.includes(name) ? BUILTIN_POOLS[name] : undefined);
  }

  /** The NodeClass a pool launches with: built-in pools and unnamed ones use `default`. */
  nodeClassOf(pool: string): string {
    return this.pools.get(pool)?.nodeClass ?? 'default';
  }

  setNodeClass(name: string, groups: NodeClassGroups): void {
    this.classes.set(name, groups);
    this.changed();
  }

  removeNodeClass(name: string): void {
    this.classes.delete(name);
    this.changed();
  }

  setAutoMode(enabled: boolean, builtins: string[], loadBalancing: boolean): void {
    this.mode = { enabled, builtins: enabled ? builtins : [], loadBalancing: enabled && loadBalancing };
    this.changed();
  }

  private changed(): void {
    this.node = null;
    this.version++;
  }

  private nodeCapacity(): NodeCapacity {
    if (this.node) return this.node;
    const usable = [...this.pools.values()].filter((p) => p.needsClass === null || this.classes.has(p.needsClass)).map((p) => p.model);
    const builtins = this.mode.builtins.flatMap((n) => BUILTIN_POOLS[n] ?? []);
    this.node = {
      autoModeEnabled: this.mode.enabled,
      autoPools: [...usable.filter((p) => p.autoMode), ...builtins],
      karpenterPools: usable.filter((p) => !p.autoMode),
      nodegroups: this.nodegroups,
    };
    return this.node;
  }

  /** Where a restarted pod of the workload lands now; `pending` says why it would not run. */
  land(workload: Workload): Compute {
    const known = this.landed.get(workload);
    if (known?.version === this.version) return known.compute;
    const compute = this.landAnew(workload);
    this.landed.set(workload, { version: this.version, compute });
    return compute;
  }

  private landAnew(workload: Workload): Compute {
    const ns = workload.metadata.namespace;
    const literal = this.byNamespace.get(ns) ?? [];
    const candidates = this.wildcard.length === 0 ? literal : [...literal, ...this.wildcard];
    const profile = workload.kind === 'DaemonSet' ? null : matchFargateProfile(candidates, workload);
    if (profile) {
      const rejected = fargateRejects(workload);
      return rejected
        ? { type: 'pending', reason: `Fargate profile ${profile.name} takes its pods, but ${rejected}` }
        : { type: 'fargate', profile: profile.name };
    }
    return scheduleWorkload([], this.nodeCapacity(), workload) ?? { type: 'pending', reason: 'no Fargate profile selects it and no node capacity fits it' };
  }
}

/** The namespaces a profile names literally; wildcard selectors are matched against every namespace. */
function literalNamespaces(profile: FargateProfile): string[] {
  return profile.selectors.filter((s) => !s.namespace.includes('*') && !s.namespace.includes('?')).map((s) => s.namespace);
}
