import type { KubeObject, NodePoolSpec, NodeSelectorRequirement, PodSpec } from '../kube.js';
import { COMPUTE_TYPE_ANNOTATION } from './fargate-profiles.js';
import { allowedValues, needsGpu, needsNeuron, schedulingTerms, tolerates } from './pod-needs.js';

/** What scheduling needs to know about a NodePool, built-in or custom. */
export interface PoolModel {
  name: string;
  weight: number;
  requirements: NodeSelectorRequirement[];
  labels: Record<string, string>;
  taints: { key: string; value?: string; effect: string }[];
  /** Auto Mode pool (NodeClass eks.amazonaws.com) or self-managed Karpenter (karpenter.k8s.aws). */
  autoMode: boolean;
  /** A pool the inventory does not show but workloads evidently run on (unseen-capacity.ts). */
  unseen?: true;
}

/** The names of the assumed pools for workloads that name no pool. */
export const UNKNOWN_POOL = 'unknown';
export const UNKNOWN_KARPENTER_POOL = 'unknown-karpenter';
/** EC2 capacity of no known kind (node groups not collected, say), modelled as a pool that takes what names no pool. */
export const UNKNOWN_EC2_POOL = 'unknown-ec2';
const NODEPOOL_LABEL = 'karpenter.sh/nodepool';
/** The label EKS puts on every node of a managed node group: its name. */
export const NODEGROUP_LABEL = 'eks.amazonaws.com/nodegroup';

// The built-in pools cannot be edited; their shape is documented in aws-facts §4.4.
const BUILTIN_COMMON: NodeSelectorRequirement[] = [
  { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['on-demand'] },
  { key: 'eks.amazonaws.com/instance-category', operator: 'In', values: ['c', 'm', 'r'] },
];

export const BUILTIN_POOLS: Record<string, PoolModel> = {
  'general-purpose': {
    name: 'general-purpose',
    weight: 0,
    requirements: [...BUILTIN_COMMON, { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }],
    labels: {},
    taints: [],
    autoMode: true,
  },
  system: {
    name: 'system',
    weight: 0,
    requirements: [...BUILTIN_COMMON, { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] }],
    labels: {},
    taints: [{ key: 'CriticalAddonsOnly', effect: 'NoSchedule' }],
    autoMode: true,
  },
};

export function poolFromNodePool(pool: Pick<KubeObject<NodePoolSpec>, 'metadata' | 'spec'>): PoolModel {
  const spec = pool.spec.template?.spec;
  return {
    name: pool.metadata.name,
    weight: pool.spec.weight ?? 0,
    requirements: spec?.requirements ?? [],
    labels: pool.spec.template?.metadata?.labels ?? {},
    taints: spec?.taints ?? [],
    autoMode: spec?.nodeClassRef?.group === 'eks.amazonaws.com',
  };
}

// Labels Auto Mode and Karpenter set on every node from the instance they launch; a pool that does
// not constrain one of them can satisfy any value the instance types offer. Self-managed Karpenter
// spells the instance labels karpenter.k8s.aws/instance-* (aws-facts §4.3).
const DYNAMIC_LABEL_PREFIXES = ['eks.amazonaws.com/instance-', 'topology.kubernetes.io/', 'node.kubernetes.io/instance-type'];
const KARPENTER_LABEL_PREFIX = 'karpenter.k8s.aws/instance-';

function poolLabelValue(pool: PoolModel, key: string): { fixed: string | null; any: boolean } {
  if (key === 'karpenter.sh/nodepool') return { fixed: pool.name, any: false };
  // Auto Mode nodes say compute-type auto; self-managed Karpenter's nodes carry no compute-type label at all.
  if (key === 'eks.amazonaws.com/compute-type') return { fixed: pool.autoMode ? 'auto' : null, any: false };
  if (key === 'kubernetes.io/os') return { fixed: 'linux', any: false };
  const label = pool.labels[key];
  if (label !== undefined) return { fixed: label, any: false };
  const dynamic =
    DYNAMIC_LABEL_PREFIXES.some((p) => key.startsWith(p)) ||
    (!pool.autoMode && key.startsWith(KARPENTER_LABEL_PREFIX)) ||
    key === 'kubernetes.io/arch' ||
    key === 'karpenter.sh/capacity-type';
  return { fixed: null, any: dynamic };
}

function termFits(pool: PoolModel, term: NodeSelectorRequirement[]): boolean {
  const keys = new Set(term.map((r) => r.key));
  for (const key of keys) {
    const poolReq = allowedValues(pool.requirements, key);
    const label = poolLabelValue(pool, key);
    let offered: string[] | null;
    if (label.fixed !== null) offered = [label.fixed];
    else if (poolReq.in !== null) offered = poolReq.in.filter((v) => !poolReq.notIn.includes(v));
    else if (label.any) offered = null;
    else offered = [];
    // DoesNotExist asks for nodes without the label: only a pool whose nodes never carry it fits.
    if (term.some((r) => r.key === key && r.operator === 'DoesNotExist')) {
      if (offered === null || offered.length > 0) return false;
      continue;
    }
    const wanted = allowedValues(term, key);
    const exists = term.some((r) => r.key === key && r.operator === 'Exists');
    if (offered === null) {
      if (wanted.in !== null && wanted.in.every((v) => poolReq.notIn.includes(v))) return false;
      continue;
    }
    const usable = offered.filter((v) => !wanted.notIn.includes(v));
    // Every node of the pool carries one of the offered values; NotIn may exclude them all.
    if ((exists || offered.length > 0) && usable.length === 0) return false;
    if (wanted.in !== null && !usable.some((v) => wanted.in!.includes(v))) return false;
  }
  return true;
}

function offersAccelerator(pool: PoolModel, kind: 'gpu' | 'neuron'): boolean {
  const families = kind === 'gpu' ? /^(g|p)\d/ : /^(inf|trn)\d/;
  for (const r of pool.requirements) {
    if (r.operator !== 'In' && r.operator !== 'Exists' && r.operator !== 'Gt') continue;
    const values = r.values ?? [];
    if (kind === 'gpu' && r.key.endsWith('instance-gpu-count')) return true;
    if (kind === 'gpu' && r.key.endsWith('instance-category') && values.some((v) => v === 'g' || v === 'p')) return true;
    if (r.key.endsWith('instance-family') && values.some((v) => families.test(v))) return true;
    if (r.key === 'node.kubernetes.io/instance-type' && values.some((v) => families.test(v))) return true;
  }
  return false;
}

/** Whether pods with this spec could be scheduled on nodes of the pool. */
export function poolFits(pool: PoolModel, spec: PodSpec): boolean {
  if (pool.unseen) return unseenPoolTakes(pool, spec);
  if (!pool.taints.every((t) => tolerates(spec.tolerations, t))) return false;
  if (needsGpu(spec) && !offersAccelerator(pool, 'gpu')) return false;
  if (needsNeuron(spec) && !offersAccelerator(pool, 'neuron')) return false;
  return schedulingTerms(spec).some((term) => termFits(pool, term));
}

/**
 * Whether pods with this spec could land on an assumed pool: one that takes whatever its workloads ask
 * of instance types, capacity types and labels, but honours what names or excludes it.
 */
export function unseenPoolTakes(pool: PoolModel, spec: PodSpec): boolean {
  const named = pool.name !== UNKNOWN_POOL && pool.name !== UNKNOWN_KARPENTER_POOL && pool.name !== UNKNOWN_EC2_POOL;
  return schedulingTerms(spec).some((term) => {
    const poolName = allowedValues(term, NODEPOOL_LABEL);
    if (term.some((r) => r.key === NODEPOOL_LABEL && r.operator === 'DoesNotExist')) return false;
    // A named pool takes the pods that name it; the catch-all takes those that name no pool.
    if (named ? !poolName.in?.includes(pool.name) : poolName.in !== null) return false;
    if (poolName.notIn.includes(pool.name)) return false;
    if (allowedValues(term, NODEGROUP_LABEL).in !== null) return false;
    const computeType = allowedValues(term, COMPUTE_TYPE_ANNOTATION);
    if (pool.autoMode) {
      if ((computeType.in !== null && !computeType.in.includes('auto')) || computeType.notIn.includes('auto')) return false;
      if (allowedValues(term, 'kubernetes.io/os').in?.includes('windows')) return false;
    } else if (computeType.in !== null) return false;
    return true;
  });
}

const byPreference = new WeakMap<readonly PoolModel[], PoolModel[]>();

/**
 * Karpenter tries pools by descending weight; ties by name keep the answer deterministic. Callers
 * pass the same pool list for every workload, so it is ordered once per list.
 */
export function choosePool(pools: PoolModel[], spec: PodSpec): PoolModel | null {
  let ordered = byPreference.get(pools);
  if (!ordered) byPreference.set(pools, (ordered = [...pools].sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name))));
  return ordered.find((p) => poolFits(p, spec)) ?? null;
}
