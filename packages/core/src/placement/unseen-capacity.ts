// Capacity the inventory does not show. A workload that no Fargate profile selects and no NodePool,
// node group or node of the inventory fits still runs somewhere: the inventory is incomplete (plain
// manifests, a collect without AWS access, NodePools left out). Planning it as "nowhere" would leave it
// out of every wave and let decommission delete capacity under it, so placement assumes the capacity
// it asks for exists, and the plan says what was assumed and what to collect to know.
import type { Mode } from '@modeshift/plan';
import type { FargateProfile, Inventory, Nodegroup, Workload } from '../inventory/types.js';
import type { NodeSelectorRequirement, PodSpec } from '../kube.js';
import { COMPUTE_TYPE_ANNOTATION } from './fargate-profiles.js';
import { BUILTIN_POOLS, poolFits, UNKNOWN_EC2_POOL, UNKNOWN_KARPENTER_POOL, UNKNOWN_POOL, type PoolModel } from './node-pools.js';
import { needsGpu, needsNeuron, pinnedValues, schedulingTerms } from './pod-needs.js';

const NODEGROUP_LABEL = 'eks.amazonaws.com/nodegroup';
const NODEPOOL_LABEL = 'karpenter.sh/nodepool';

/** Where an unplaced workload is assumed to run: the platform its constraints point at. */
export type UnseenPlatform = 'fargate' | 'auto-mode' | 'karpenter' | 'nodegroup' | 'ec2';

export interface UnseenNeed {
  workload: string;
  on: UnseenPlatform;
  /** The NodePool or node group its constraints name; null when they name none. */
  name: string | null;
  /** What it asks for, for the reader: "karpenter.sh/capacity-type=spot, nvidia.com/gpu". */
  asks: string;
}

export interface UnseenCapacity {
  /** Workloads placed on assumed capacity, by key, in inventory order. */
  needs: Map<string, UnseenNeed>;
  /** Assumed NodePools (`unseen`): named ones, and one per platform for workloads that name none. */
  pools: PoolModel[];
  nodegroups: Nodegroup[];
  profiles: FargateProfile[];
  /** Auto Mode is assumed enabled (with its built-in pools): some workload evidently runs on it. */
  autoMode: boolean;
}

export const NO_UNSEEN_CAPACITY: UnseenCapacity = { needs: new Map(), pools: [], nodegroups: [], profiles: [], autoMode: false };

const BUILTIN_LIST = Object.values(BUILTIN_POOLS);

const ORIGIN = { file: '(assumed: not in the inventory)', line: 0 };

function describeRequirement(r: NodeSelectorRequirement): string {
  const values = r.values ?? [];
  if (r.operator === 'In' && values.length === 1) return `${r.key}=${values[0]}`;
  return `${r.key} ${r.operator}${values.length > 0 ? ` [${values.join(', ')}]` : ''}`;
}

/**
 * Requirements any capacity meets (Linux, amd64, a zone) say nothing about where a pod runs; the
 * rest name capacity: a pool, a capacity type, an instance shape, a label some nodes carry.
 */
const GENERIC: Record<string, string> = { 'kubernetes.io/os': 'linux', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' };

function namesCapacity(r: NodeSelectorRequirement): boolean {
  if (r.key.startsWith('topology.kubernetes.io/') || r.key.startsWith('failure-domain.beta.kubernetes.io/')) return false;
  const value = GENERIC[r.key];
  if (value === undefined) return true;
  // A generic label names capacity only where it rules out what every node has.
  const values = r.values ?? [];
  return r.operator === 'In' ? !values.includes(value) : r.operator === 'NotIn' ? values.includes(value) : r.operator === 'DoesNotExist';
}

/** Taints every kind of capacity may carry for system pods, which tolerating says nothing about. */
const SYSTEM_TAINTS = (key: string) => key === 'CriticalAddonsOnly' || key.startsWith('node.kubernetes.io/') || key.startsWith('node-role.kubernetes.io/');

/** Tolerations of taints only some capacity has: a GPU or Spot pool's, a dedicated node group's. */
function capacityTolerations(spec: PodSpec): string[] {
  const keys = (spec.tolerations ?? []).flatMap((t) => (t.key && !SYSTEM_TAINTS(t.key) ? [t.key] : []));
  return [...new Set(keys)].sort();
}

/** The constraints that name capacity, as a reader would write them ("" when none does). */
export function describeAsks(spec: PodSpec): string {
  const [term] = schedulingTerms(spec);
  const parts = (term ?? []).filter(namesCapacity).map(describeRequirement);
  if (needsGpu(spec)) parts.push('nvidia.com/gpu');
  if (needsNeuron(spec)) parts.push('aws.amazon.com/neuron');
  for (const key of capacityTolerations(spec)) parts.push(`a toleration of ${key}`);
  return parts.join(', ');
}

/** Whether any Auto Mode object or node shows Auto Mode, or the cluster description says so. */
function autoModeShown(inventory: Inventory): boolean | null {
  if (inventory.cluster) return inventory.cluster.autoMode.enabled;
  const pools = inventory.nodePools.some((p) => p.spec.template?.spec?.nodeClassRef?.group === 'eks.amazonaws.com');
  const nodes = inventory.nodes.some((n) => n.labels[COMPUTE_TYPE_ANNOTATION] === 'auto');
  return pools || nodes ? true : null;
}

function karpenterShown(inventory: Inventory): boolean {
  return (
    inventory.nodeClasses.some((c) => c.kind === 'EC2NodeClass') ||
    inventory.nodePools.some((p) => p.spec.template?.spec?.nodeClassRef?.group === 'karpenter.k8s.aws')
  );
}

/**
 * Whose NodePools a workload that names one (or a capacity type, or a GPU) runs on: Auto Mode when the
 * inventory shows it, else self-managed Karpenter when that shows or the cluster description says Auto
 * Mode is off. With nothing to go on, the source of the move: Auto Mode when moving to Fargate; moving
 * to Auto Mode the rest of the plan assumes Auto Mode is not enabled yet, so the pools are Karpenter's.
 */
function nodePoolPlatform(inventory: Inventory, target: Mode): 'auto-mode' | 'karpenter' {
  const auto = autoModeShown(inventory);
  if (auto === true) return 'auto-mode';
  if (auto === false || karpenterShown(inventory)) return 'karpenter';
  return target === 'fargate' ? 'auto-mode' : 'karpenter';
}

const termKeys = (spec: PodSpec): string[] => schedulingTerms(spec).flatMap((t) => t.filter(namesCapacity).map((r) => r.key));

/** The platform a workload's scheduling constraints point at, and the pool or node group they name. */
function needOf(inventory: Inventory, w: Workload, target: Mode): UnseenNeed {
  const spec = w.template.spec;
  const computeType = pinnedValues(spec, COMPUTE_TYPE_ANNOTATION);
  const pool = pinnedValues(spec, NODEPOOL_LABEL)[0] ?? null;
  const keys = termKeys(spec);
  const asks = describeAsks(spec);
  const need = (on: UnseenPlatform, name: string | null = null): UnseenNeed => ({ workload: w.key, on, name, asks });
  if (computeType.includes('fargate')) return need('fargate');
  const nodegroup = pinnedValues(spec, NODEGROUP_LABEL)[0];
  if (nodegroup !== undefined) return need('nodegroup', nodegroup);
  // Auto Mode runs Linux only (aws-facts §4.3): a Windows pod runs on EC2 nodes of some other kind.
  if (pinnedValues(spec, 'kubernetes.io/os').includes('windows')) return need('ec2');
  if (computeType.includes('auto') || keys.some((k) => k.startsWith('eks.amazonaws.com/instance-'))) return need('auto-mode', pool);
  if (keys.some((k) => k.startsWith('karpenter.k8s.aws/'))) return need('karpenter', pool);
  if (asks !== '') return need(nodePoolPlatform(inventory, target), pool);
  // Nothing names capacity: it runs on the source of the move. Moving to Fargate, that is Auto Mode
  // unless the cluster says Auto Mode is off (then EC2 nodes the inventory does not show).
  if (target === 'fargate') return need(autoModeShown(inventory) === false && !karpenterShown(inventory) ? 'ec2' : nodePoolPlatform(inventory, target));
  return need('fargate');
}

function unseenPool(name: string, autoMode: boolean): PoolModel {
  // Tried after every pool the inventory shows (weight -1): only what nothing else takes lands here.
  return { name, weight: -1, requirements: [], labels: {}, taints: [], autoMode, unseen: true };
}

function assumedCapacity(needs: Map<string, UnseenNeed>, byKey: Map<string, Workload>): Omit<UnseenCapacity, 'needs'> {
  const pools = new Map<string, PoolModel>();
  let assumeAutoMode = false;
  const nodegroups = new Map<string, Nodegroup>();
  const selectors: FargateProfile['selectors'] = [];
  for (const need of needs.values()) {
    const w = byKey.get(need.workload)!;
    switch (need.on) {
      case 'fargate':
        selectors.push({ namespace: w.metadata.namespace, labels: { ...w.template.metadata.labels } });
        break;
      case 'auto-mode':
      case 'karpenter':
      case 'ec2': {
        const autoMode = need.on === 'auto-mode';
        if (autoMode) assumeAutoMode = true;
        // Assumed Auto Mode brings its built-in pools: a pod one of them takes needs no pool of its own.
        if (autoMode && need.name === null && BUILTIN_LIST.some((p) => poolFits(p, w.template.spec))) break;
        const name = need.name ?? (autoMode ? UNKNOWN_POOL : need.on === 'ec2' ? UNKNOWN_EC2_POOL : UNKNOWN_KARPENTER_POOL);
        if (!pools.has(name)) pools.set(name, unseenPool(name, autoMode));
        break;
      }
      case 'nodegroup': {
        const name = need.name!;
        const known = nodegroups.get(name);
        const labels = { ...(known?.labels ?? {}), ...(w.template.spec.nodeSelector ?? {}), [NODEGROUP_LABEL]: name };
        nodegroups.set(name, {
          name,
          instanceTypes: [],
          capacityType: null,
          amiType: null,
          labels,
          taints: [],
          subnets: [],
          desiredSize: null,
          origin: ORIGIN,
        });
        break;
      }
    }
  }
  const profiles: FargateProfile[] =
    selectors.length === 0 ? [] : [{ name: UNKNOWN_POOL, clusterName: null, podExecutionRoleArn: null, subnets: [], selectors, status: null, origin: ORIGIN }];
  return {
    pools: [...pools.values()],
    nodegroups: [...nodegroups.values()],
    profiles,
    autoMode: assumeAutoMode,
  };
}

/** Kinds that show capacity; one the collector could not read leaves the capacity unknown. */
const CAPACITY_KINDS = new Set(['Cluster', 'Node', 'NodePool', 'NodeClass', 'EC2NodeClass', 'FargateProfile', 'Nodegroup']);

/**
 * A collected inventory with the cluster's description and its nodes, nothing of them left unread,
 * shows every kind of capacity: a pod that nothing of it takes is Pending in the cluster too, not
 * running somewhere else.
 */
function showsAllCapacity(inventory: Inventory): boolean {
  return (
    inventory.collectedAt !== null &&
    inventory.cluster !== null &&
    inventory.nodes.length > 0 &&
    !inventory.notCollected.some((e) => CAPACITY_KINDS.has(e.kind))
  );
}

/**
 * The capacity workloads need that the inventory does not show. `placedToday` says whether the
 * inventory's own capacity (or a node it names) runs the workload. DaemonSets follow nodes and
 * finished Jobs run no more: neither is evidence of capacity.
 */
export function findUnseenCapacity(inventory: Inventory, target: Mode, placedToday: (w: Workload) => boolean): UnseenCapacity {
  if (showsAllCapacity(inventory)) return NO_UNSEEN_CAPACITY;
  const needs = new Map<string, UnseenNeed>();
  const byKey = new Map<string, Workload>();
  for (const w of inventory.workloads) {
    if (w.kind === 'DaemonSet' || w.finished !== null || placedToday(w)) continue;
    const need = needOf(inventory, w, target);
    // A pool or node group the inventory has that does not take the pod is not missing: the pod waits.
    if (need.name !== null && (need.on === 'nodegroup' ? inventory.nodegroups : inventory.nodePools.map((p) => p.metadata)).some((x) => x.name === need.name))
      continue;
    byKey.set(w.key, w);
    needs.set(w.key, need);
  }
  if (needs.size === 0) return NO_UNSEEN_CAPACITY;
  return { needs, ...assumedCapacity(needs, byKey) };
}
