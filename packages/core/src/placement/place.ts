import type { Mode } from '@modeshift/plan';
import type { FargateProfile, Inventory, Nodegroup, Workload } from '../inventory/types.js';
import type { PodSpec } from '../kube.js';
import { affinityExcludes } from './affinity-exclusion.js';
import { COMPUTE_TYPE_ANNOTATION, matchFargateProfile } from './fargate-profiles.js';
import {
  BUILTIN_POOLS,
  choosePool,
  NODEGROUP_LABEL,
  poolFromNodePool,
  UNKNOWN_EC2_POOL,
  UNKNOWN_KARPENTER_POOL,
  UNKNOWN_POOL,
  type PoolModel,
} from './node-pools.js';
import { isKarpenterNodePool, karpenterMove, replacementModel, replacementPool } from './karpenter-pools.js';
import { pinnedValues, tolerates } from './pod-needs.js';
import type { Compute, Placement, SourceMode, WorkloadPlacement } from './types.js';
import { findUnseenCapacity, NO_UNSEEN_CAPACITY, type UnseenCapacity } from './unseen-capacity.js';

/** The Fargate profile the plan proposes for a namespace no profile selects yet. */
export function proposedProfileName(namespace: string): string {
  return `modeshift-${namespace}`.slice(0, 100);
}

/** The EC2 capacity a pod can be scheduled on when no Fargate profile takes it. */
export interface NodeCapacity {
  autoModeEnabled: boolean;
  /** Auto Mode pools that exist: the custom ones plus the enabled built-in ones. */
  autoPools: PoolModel[];
  /** Self-managed Karpenter pools: EC2 capacity that is not Auto Mode. */
  karpenterPools: PoolModel[];
  nodegroups: Nodegroup[];
}

interface Capacity extends NodeCapacity {
  /** What a workload could land on once on Auto Mode: the custom pools plus every built-in one. */
  targetAutoPools: PoolModel[];
  nodeLabels: Map<string, Record<string, string>>;
  /** The inventory's Fargate profiles, plus those assumed for workloads nothing else takes. */
  profiles: FargateProfile[];
  unseen: UnseenCapacity;
  /** Karpenter pool → the Auto Mode pool that replaces it (karpenter-pools.ts). */
  replacementNames: Map<string, string>;
  /**
   * Where a workload moved off Karpenter may land: the replacement pools, the custom Auto Mode pools and
   * `system`; `general-purpose` stays off while Karpenter runs (AWS: it is not selective).
   */
  karpenterTargets: PoolModel[];
}

/** The capacity the inventory shows. */
function seenCapacity(inventory: Inventory): Capacity {
  const pools = inventory.nodePools.map(poolFromNodePool);
  const custom = pools.filter((p) => p.autoMode);
  const cluster = inventory.cluster;
  const autoModeEnabled = cluster?.autoMode.enabled ?? (custom.length > 0 || inventory.nodes.some((n) => n.labels[COMPUTE_TYPE_ANNOTATION] === 'auto'));
  const builtins = autoModeEnabled ? (cluster?.autoMode.nodePools ?? Object.keys(BUILTIN_POOLS)).flatMap((name) => BUILTIN_POOLS[name] ?? []) : [];
  const autoPools = [...custom, ...builtins];
  const replacements = inventory.nodePools.filter(isKarpenterNodePool).map(replacementPool);
  return {
    autoModeEnabled,
    autoPools,
    targetAutoPools: [...autoPools.filter((p) => !BUILTIN_POOLS[p.name]), ...Object.values(BUILTIN_POOLS)],
    karpenterPools: pools.filter((p) => !p.autoMode),
    nodegroups: inventory.nodegroups,
    nodeLabels: new Map(inventory.nodes.map((n) => [n.name, n.labels])),
    profiles: inventory.fargateProfiles,
    unseen: NO_UNSEEN_CAPACITY,
    replacementNames: new Map(replacements.map((r) => [r.original, r.name])),
    karpenterTargets: [...replacements.map(replacementModel), ...custom, ...(BUILTIN_POOLS.system ? [BUILTIN_POOLS.system] : [])],
  };
}

/** The capacity the inventory shows plus what its workloads evidently run on (unseen-capacity.ts). */
function capacityOf(inventory: Inventory, target: Mode): Capacity {
  const seen = seenCapacity(inventory);
  const unseen = findUnseenCapacity(inventory, target, (w) => (fromNode(seen, w) ?? scheduleWorkload(seen.profiles, seen, w)) !== null);
  if (unseen.needs.size === 0) return seen;
  const named = unseen.pools.filter((p) => p.autoMode && p.name !== UNKNOWN_POOL);
  return {
    ...seen,
    ...withUnseen(seen, unseen),
    targetAutoPools: [...seen.targetAutoPools, ...named],
    profiles: [...seen.profiles, ...unseen.profiles],
    unseen,
  };
}

/**
 * Node capacity with the assumed pools and node groups added (and Auto Mode's built-in pools when Auto
 * Mode is assumed); the simulator starts from the same cluster as placement.
 */
export function withUnseen(capacity: NodeCapacity, unseen: UnseenCapacity): NodeCapacity {
  if (unseen.needs.size === 0) return capacity;
  const builtins = unseen.autoMode && !capacity.autoModeEnabled ? Object.values(BUILTIN_POOLS) : [];
  return {
    autoModeEnabled: capacity.autoModeEnabled || unseen.autoMode,
    autoPools: [...capacity.autoPools, ...builtins, ...unseen.pools.filter((p) => p.autoMode)],
    karpenterPools: [...capacity.karpenterPools, ...unseen.pools.filter((p) => !p.autoMode)],
    nodegroups: [...capacity.nodegroups, ...unseen.nodegroups],
  };
}

function nodegroupFits(ng: Nodegroup, spec: PodSpec): boolean {
  if (!ng.taints.every((t) => tolerates(spec.tolerations, t))) return false;
  return Object.entries(spec.nodeSelector ?? {}).every(
    ([k, v]) =>
      ng.labels[k] === v ||
      (k === NODEGROUP_LABEL && v === ng.name) ||
      k.startsWith('topology.kubernetes.io/') ||
      (k === 'kubernetes.io/os' && v === 'linux' && !ng.amiType?.startsWith('WINDOWS')),
  );
}

/** Where the default scheduler (or Karpenter / Auto Mode) would put a pod with this spec, or null. */
export function ec2Compute(capacity: NodeCapacity, spec: PodSpec): Compute | null {
  if (capacity.autoModeEnabled) {
    const pool = choosePool(capacity.autoPools, spec);
    if (pool) return { type: 'auto-mode', nodePool: pool.name };
  }
  const karpenter = choosePool(capacity.karpenterPools, spec);
  if (karpenter)
    return karpenter.name === UNKNOWN_EC2_POOL
      ? { type: 'managed-nodes', nodegroup: null }
      : { type: 'managed-nodes', nodegroup: null, nodePool: karpenter.name };
  const ng = capacity.nodegroups.find((n) => nodegroupFits(n, spec));
  return ng ? { type: 'managed-nodes', nodegroup: ng.name } : null;
}

function fromNode(capacity: Capacity, workload: Workload): Compute | null {
  if (!workload.nodeName) return null;
  const labels = capacity.nodeLabels.get(workload.nodeName);
  if (!labels) return null;
  switch (labels[COMPUTE_TYPE_ANNOTATION]) {
    case 'fargate':
      return { type: 'fargate', profile: workload.template.metadata.labels['eks.amazonaws.com/fargate-profile'] ?? 'unknown' };
    case 'auto':
      return { type: 'auto-mode', nodePool: labels['karpenter.sh/nodepool'] ?? 'unknown' };
    case undefined: // no compute-type label: a node of a managed node group
    default:
      return { type: 'managed-nodes', nodegroup: labels['eks.amazonaws.com/nodegroup'] ?? null };
  }
}

/**
 * Where a new pod of the workload is scheduled: the Fargate profile that selects it, else EC2
 * capacity that fits it, else null. `profiles` may be only the candidates for its namespace.
 */
export function scheduleWorkload(profiles: FargateProfile[], capacity: NodeCapacity, workload: Workload): Compute | null {
  if (workload.kind !== 'DaemonSet') {
    const profile = matchFargateProfile(profiles, workload);
    if (profile) return { type: 'fargate', profile: profile.name };
  }
  return ec2Compute(capacity, workload.template.spec);
}

/** Why Fargate cannot run a workload's pods (a profile selecting them leaves them Pending), or null. */
export type FargateRefusal = (workload: Workload) => string | null;

function currentCompute(capacity: Capacity, workload: Workload, refusal: FargateRefusal): Compute {
  const live = fromNode(capacity, workload);
  if (live) return live;
  const scheduled = scheduleWorkload(capacity.profiles, capacity, workload);
  // A profile takes the pods, but Fargate refuses or cannot fit them: they run nowhere, not on Fargate.
  const refused = scheduled?.type === 'fargate' ? refusal(workload) : null;
  if (scheduled?.type === 'fargate' && refused)
    return {
      type: 'pending',
      reason: `Fargate profile ${scheduled.profile} selects it, but Fargate cannot run it: ${refused}`,
      fargateProfile: scheduled.profile,
    };
  if (scheduled) return scheduled;
  const reason =
    workload.kind === 'DaemonSet'
      ? 'no EC2 nodes for the DaemonSet to run on (Fargate runs no DaemonSets)'
      : 'no Fargate profile selects it and no node capacity fits it';
  return { type: 'pending', reason };
}

function targetCompute(inventory: Inventory, capacity: Capacity, workload: Workload, target: Mode, current: Compute): Compute {
  const spec = workload.template.spec;
  const os = pinnedValues(spec, 'kubernetes.io/os');
  if (os.includes('windows')) return { type: 'pending', reason: `${target === 'fargate' ? 'Fargate on EKS' : 'Auto Mode'} runs Linux pods only` };
  const excluded = affinityExcludes(spec, target);
  if (excluded)
    return { type: 'pending', reason: `its required node affinity (${excluded}) excludes every ${target === 'fargate' ? 'Fargate' : 'Auto Mode'} node` };
  if (target === 'auto-mode') {
    if (workload.kind === 'DaemonSet') return { type: 'auto-mode', nodePool: 'every node' };
    if (current.type === 'managed-nodes' && current.nodePool !== undefined) {
      // Moved off Karpenter as AWS's procedure moves it: matched with the edits that move it, onto the pool that
      // replaces its own; a pool the inventory does not show has no replacement, so the other pools are all there is.
      const moved = karpenterMove(spec, capacity.replacementNames).spec;
      const replaced = capacity.replacementNames.has(current.nodePool);
      const pool = choosePool(replaced ? capacity.karpenterTargets : capacity.targetAutoPools, moved);
      if (pool) return { type: 'auto-mode', nodePool: pool.name };
      return { type: 'pending', reason: replaced ? 'no Auto Mode NodePool the plan creates fits it' : 'no Auto Mode NodePool fits it yet' };
    }
    const pool = choosePool(capacity.targetAutoPools, spec);
    return pool ? { type: 'auto-mode', nodePool: pool.name } : { type: 'pending', reason: 'no Auto Mode NodePool fits it yet' };
  }
  if (workload.kind === 'DaemonSet') return { type: 'pending', reason: 'Fargate runs no DaemonSets' };
  // The plan removes the compute-type annotation that keeps a pod off Fargate, so match as if it were gone.
  const profile = matchFargateProfile(inventory.fargateProfiles, workload, { ignoreComputeType: true });
  return { type: 'fargate', profile: profile?.name ?? proposedProfileName(workload.metadata.namespace) };
}

function summarise(placements: Iterable<WorkloadPlacement>, byKey: Map<string, Workload>): SourceMode {
  const seen = new Set<Compute['type']>();
  for (const p of placements) {
    if (byKey.get(p.workload)?.kind === 'DaemonSet') continue;
    if (p.current.type !== 'pending') seen.add(p.current.type);
  }
  if (seen.size === 0) return 'unknown';
  if (seen.size > 1) return 'mixed';
  const [only] = seen;
  return only === 'fargate' ? 'fargate' : only === 'auto-mode' ? 'auto-mode' : 'managed-nodes';
}

/**
 * One object per distinct compute: tens of thousands of workloads run on a handful of pools and
 * profiles, and the placement lives as long as the plan. Placements are read, never changed.
 */
function computeTable(): (c: Compute) => Compute {
  const byType = new Map<Compute['type'], Map<string | null, Compute>>();
  return (c) => {
    const name = c.type === 'fargate' ? c.profile : c.type === 'auto-mode' ? c.nodePool : c.type === 'managed-nodes' ? (c.nodePool ?? c.nodegroup) : c.reason;
    let byName = byType.get(c.type);
    if (!byName) byType.set(c.type, (byName = new Map<string | null, Compute>()));
    const known = byName.get(name);
    if (known) return known;
    byName.set(name, c);
    return c;
  };
}

/**
 * Where every workload runs today and where it would run on the target mode. `refusal` says which pods
 * Fargate would not run; without it, every pod a profile selects is taken to run there.
 */
export function computePlacement(inventory: Inventory, target: Mode, refusal: FargateRefusal = () => null): Placement {
  const capacity = capacityOf(inventory, target);
  const workloads = new Map<string, WorkloadPlacement>();
  const byKey = new Map<string, Workload>();
  const shared = computeTable();
  for (const w of inventory.workloads) {
    byKey.set(w.key, w);
    const current = shared(currentCompute(capacity, w, refusal));
    workloads.set(w.key, { workload: w.key, current, target: shared(targetCompute(inventory, capacity, w, target, current)) });
  }
  return { workloads, from: summarise(workloads.values(), byKey), unseen: capacity.unseen };
}

export function describeCompute(c: Compute): string {
  switch (c.type) {
    case 'fargate':
      return `Fargate (profile ${c.profile})`;
    case 'auto-mode':
      return `Auto Mode (NodePool ${c.nodePool})`;
    case 'managed-nodes':
      if (c.nodegroup) return `EC2 nodes (node group ${c.nodegroup})`;
      if (c.nodePool === undefined) return 'EC2 nodes';
      return c.nodePool === UNKNOWN_KARPENTER_POOL ? 'EC2 nodes (a Karpenter NodePool)' : `EC2 nodes (Karpenter NodePool ${c.nodePool})`;
    case 'pending':
      return `nowhere: ${c.reason}`;
  }
}
