import type { Namespaced, Workload } from '../inventory/types.js';
import type { IngressSpec, LabelSelector, ServiceSpec, StringMap } from '../kube.js';
import type { Compute } from '../placement/types.js';
import type { RuleContext } from '../rules/engine/types.js';
import type { KubernetesVersion } from '../version.js';
import { Callers } from './callers.js';
import { CapacityState } from './capacity.js';
import { isRecord } from '../inventory/shape.js';
import { inventoryFacts, isLoadBalancerController, type LoadBalancerOwner, type LoadBalancingFacts } from '../analysis/load-balancer-owner.js';
import { Reconciliation } from './reconciliation.js';
import { remembered } from '../util/memo.js';
import type { Invariant } from './types.js';

export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
export const COREDNS = 'Deployment/kube-system/coredns';
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** Whether an IngressClass object from a step's manifest is marked the cluster's default. */
export function isDefaultClass(object: Record<string, unknown>): boolean {
  const meta = object.metadata;
  const annotations = isRecord(meta) && isRecord(meta.annotations) ? meta.annotations : {};
  return annotations[DEFAULT_CLASS_ANNOTATION] === 'true';
}

/** What a workload had before the plan, which it must keep wherever it lands. */
export interface Baseline {
  /** Pod security groups (from SecurityGroupPolicies or its NodeClass). */
  groups: string[];
  /** It had AWS credentials (IRSA, or Pod Identity where Pod Identity works). */
  credentials: boolean;
  /** Log destinations its container logs were shipped to. */
  logs: string[];
}

export interface SimWorkload {
  key: string;
  workload: Workload;
  replicas: number | null;
  deleted: boolean;
  /** Where a restarted pod would have landed before the first step. */
  initial: Compute;
  now: Compute;
  baseline: Baseline;
}

export interface SecurityGroupPolicyModel {
  name: string;
  groups: string[];
  podSelector: LabelSelector | undefined;
  serviceAccountSelector: LabelSelector | undefined;
}

export interface DaemonSetModel {
  key: string;
  namespace: string;
  configMaps: string[];
}

/** Objects by `namespace/name`. */
export type ByName<T> = Map<string, T>;

const nsName = (namespace: string | null, name: string) => `${namespace ?? ''}/${name}`;
export { nsName };

/**
 * The cluster as the simulator replays a plan on it: mutable, built from the inventory and the
 * placement the planner worked out, and indexed so that a step re-checks only what it can affect.
 */
export class ClusterModel {
  readonly capacity: CapacityState;
  readonly workloads = new Map<string, SimWorkload>();
  readonly byNamespace = new Map<string, SimWorkload[]>();
  readonly byServiceAccount = new Map<string, SimWorkload[]>();
  readonly serviceAccounts: ByName<{ labels: StringMap; annotations: StringMap }> = new Map();
  readonly podIdentity = new Set<string>();
  oidcProvider: boolean;
  readonly securityGroupPolicies = new Map<string, SecurityGroupPolicyModel[]>();
  readonly networkPolicies = new Map<string, ByName<Record<string, unknown>>>();
  /** Services and Ingresses by namespace, then name. */
  readonly services = new Map<string, ByName<Namespaced<ServiceSpec>>>();
  readonly ingresses = new Map<string, ByName<Namespaced<IngressSpec>>>();
  readonly ingressClasses = new Map<string, { controller: string; params: string | null; isDefault: boolean }>();
  readonly ingressClassParams = new Map<string, Record<string, unknown>>();
  readonly configMaps: ByName<StringMap> = new Map();
  /** Load balancers (`Kind/namespace/name` of their Ingress or Service) a step associated a WAFv2 web ACL with. */
  readonly webAcls = new Set<string>();
  readonly daemonSets = new Map<string, DaemonSetModel>();
  /** Workload keys of the AWS Load Balancer Controller's Deployment(s), read or installed. */
  readonly lbc = new Set<string>();
  /**
   * The controller serves load balancers today but the inventory does not show where it runs (not
   * collected, or outside the cluster's workloads): assumed to keep running.
   */
  lbcAssumed = false;
  readonly version: KubernetesVersion | null;
  /** What decides who owns a load balancer: the model's IngressClasses, and the cluster as the inventory showed it. */
  readonly lbFacts: LoadBalancingFacts;
  /** Who served load balancers before the first step (markBeforePlan). */
  private before = { autoMode: false, controller: false };
  /** Which Argo CD or Flux object applies each workload, and which of them the plan has paused. */
  readonly reconciliation: Reconciliation;

  constructor(readonly ctx: RuleContext) {
    const inv = ctx.inventory;
    this.capacity = new CapacityState(inv, ctx.placement.unseen);
    this.reconciliation = new Reconciliation(inv.workloads);
    this.version = ctx.clusterVersion;
    const shown = inventoryFacts(ctx);
    const namedClasses = new Set(inv.ingresses.flatMap((i) => i.spec.ingressClassName ?? i.metadata.annotations['kubernetes.io/ingress.class'] ?? []));
    this.lbFacts = {
      ingressClass: (name) => this.ingressClasses.get(name),
      defaultIngressClass: () => {
        for (const [name, c] of this.ingressClasses) if (c.isDefault) return { name, controller: c.controller };
        return undefined;
      },
      autoModeLoadBalancing: shown.autoModeLoadBalancing,
      controllerRunning: shown.controllerRunning,
      // A class only the plan's own objects name (a blue/green copy's) exists once a step creates it, not before.
      classMayExist: (name) => shown.classMayExist(name) && (name === '' || namedClasses.has(name)),
    };
    for (const sa of inv.serviceAccounts)
      this.serviceAccounts.set(nsName(sa.metadata.namespace, sa.metadata.name), { labels: sa.metadata.labels, annotations: sa.metadata.annotations });
    this.oidcProvider = inv.serviceAccounts.some((sa) => sa.metadata.annotations[IRSA_ANNOTATION] !== undefined);
    for (const p of inv.securityGroupPolicies) this.addSecurityGroupPolicy(p.metadata.namespace, p.metadata.name, p.spec as unknown as Record<string, unknown>);
    for (const p of inv.networkPolicies) this.policiesIn(p.metadata.namespace).set(p.metadata.name, p.spec);
    for (const s of inv.services) inner(this.services, s.metadata.namespace).set(s.metadata.name, s);
    for (const i of inv.ingresses) inner(this.ingresses, i.metadata.namespace).set(i.metadata.name, i);
    for (const c of inv.ingressClasses)
      this.ingressClasses.set(c.metadata.name, {
        controller: c.spec.controller ?? '',
        params: c.spec.parameters?.name ?? null,
        isDefault: c.metadata.annotations[DEFAULT_CLASS_ANNOTATION] === 'true',
      });
    for (const p of inv.ingressClassParams) this.ingressClassParams.set(p.metadata.name, p.spec);
    for (const c of inv.configMaps) this.configMaps.set(nsName(c.metadata.namespace, c.metadata.name), c.data);
    for (const w of inv.workloads) {
      if (w.kind === 'DaemonSet') {
        this.daemonSets.set(w.key, daemonSetModel(w));
        continue;
      }
      const placement = ctx.placement.workloads.get(w.key);
      const sim: SimWorkload = {
        key: w.key,
        workload: w,
        replicas: w.replicas,
        deleted: false,
        initial: placement?.current ?? { type: 'pending', reason: 'unknown' },
        now: placement?.current ?? { type: 'pending', reason: 'unknown' },
        baseline: { groups: [], credentials: false, logs: [] },
      };
      this.addWorkload(sim);
      if (podIdentityEvidence(w)) this.podIdentity.add(serviceAccountKey(w));
      if (isLoadBalancerController(w)) this.lbc.add(w.key);
    }
  }

  addWorkload(sim: SimWorkload): void {
    this.workloads.set(sim.key, sim);
    push(this.byNamespace, sim.workload.metadata.namespace, sim);
    push(this.byServiceAccount, serviceAccountKey(sim.workload), sim);
  }

  policiesIn(namespace: string): ByName<Record<string, unknown>> {
    let map = this.networkPolicies.get(namespace);
    if (!map) this.networkPolicies.set(namespace, (map = new Map<string, Record<string, unknown>>()));
    return map;
  }

  addSecurityGroupPolicy(namespace: string, name: string, spec: Record<string, unknown>): void {
    const groups = ((spec.securityGroups as { groupIds?: unknown } | undefined)?.groupIds ?? []) as string[];
    const list = (this.securityGroupPolicies.get(namespace) ?? []).filter((p) => p.name !== name);
    list.push({
      name,
      groups: [...groups].sort(),
      podSelector: spec.podSelector as LabelSelector | undefined,
      serviceAccountSelector: spec.serviceAccountSelector as LabelSelector | undefined,
    });
    this.securityGroupPolicies.set(namespace, list);
  }

  removeSecurityGroupPolicy(namespace: string, name: string): void {
    this.securityGroupPolicies.set(
      namespace,
      (this.securityGroupPolicies.get(namespace) ?? []).filter((p) => p.name !== name),
    );
  }

  private callerIndex: Callers | null = null;

  /** Workloads that call Service namespace/name (read from their environment once, when first asked). */
  callers(namespace: string, name: string): string[] {
    this.callerIndex ??= new Callers([...this.workloads.values()].map((s) => s.workload));
    return this.callerIndex.of(namespace, name);
  }

  /** Records who serves load balancers before the first step: the owners an undecided load balancer may have. */
  markBeforePlan(): void {
    this.before = { autoMode: this.capacity.autoMode.loadBalancing, controller: this.lbcRunning() };
  }

  /** Whether `owner` served load balancers before the first step. */
  servedBeforePlan(owner: LoadBalancerOwner): boolean {
    switch (owner) {
      case 'auto-mode':
        return this.before.autoMode;
      case 'load-balancer-controller':
        return this.before.controller;
      case 'in-tree':
      case 'other':
        return true;
      case 'nobody':
        return false;
    }
  }

  /** Whether the AWS Load Balancer Controller has somewhere to run. */
  lbcRunning(): boolean {
    if (this.lbcAssumed && this.lbc.size === 0) return true;
    for (const key of this.lbc) if (isRunning(this.workloads.get(key))) return true;
    return false;
  }

  /** Whether cluster DNS serves pods outside Auto Mode (Auto Mode nodes resolve names themselves). */
  coreDnsServing(): boolean {
    const coredns = this.workloads.get(COREDNS);
    return coredns === undefined || isRunning(coredns);
  }
}

export function isRunning(sim: SimWorkload | undefined): boolean {
  return sim !== undefined && !sim.deleted && sim.replicas !== 0 && sim.now.type !== 'pending';
}

/**
 * It ran before the plan and its pods come back when restarted, so they must find somewhere to go.
 * A Job runs once: the inventory carries no Job status, and the model treats it as finished.
 */
export function ranBefore(sim: SimWorkload): boolean {
  return sim.workload.kind !== 'Job' && sim.replicas !== 0 && sim.initial.type !== 'pending';
}

/** Asked for on every check of a workload: worked out once per workload object (an edit replaces the object). */
const serviceAccountKeys = new WeakMap<Workload, string>();

export function serviceAccountKey(w: Workload): string {
  return remembered(serviceAccountKeys, w, () =>
    nsName(w.metadata.namespace, w.template.spec.serviceAccountName ?? w.template.spec.serviceAccount ?? 'default'),
  );
}

export function inner<T>(map: Map<string, ByName<T>>, namespace: string): ByName<T> {
  let byName = map.get(namespace);
  if (!byName) map.set(namespace, (byName = new Map<string, T>()));
  return byName;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function daemonSetModel(w: Workload): DaemonSetModel {
  const configMaps = (w.template.spec.volumes ?? []).flatMap((v) => (v.configMap?.name ? [v.configMap.name] : []));
  return { key: w.key, namespace: w.metadata.namespace, configMaps };
}

export function daemonSetFromManifest(namespace: string, name: string, object: Record<string, unknown>): DaemonSetModel {
  const volumes = (object.spec as { template?: { spec?: { volumes?: { configMap?: { name?: string } }[] } } } | undefined)?.template?.spec?.volumes ?? [];
  return { key: `DaemonSet/${namespace}/${name}`, namespace, configMaps: volumes.flatMap((v) => (v.configMap?.name ? [v.configMap.name] : [])) };
}

/** What the Pod Identity webhook injects into pods: only pods read from a live cluster show it. */
function podIdentityEvidence(w: Workload): boolean {
  const spec = w.template.spec;
  if ((spec.volumes ?? []).some((v) => v.name === 'eks-pod-identity-token')) return true;
  return [...spec.containers, ...(spec.initContainers ?? [])].some((c) =>
    (c.env ?? []).some((e) => e.name === 'AWS_CONTAINER_CREDENTIALS_FULL_URI' && (e.value ?? '').includes('169.254.170.23')),
  );
}

export type ProblemKey = `${Invariant}|${string}`;
