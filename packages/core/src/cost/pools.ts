// The NodePools pods are packed into, by name: the built-in ones, those the inventory holds, and
// those the plan creates. Each becomes the node types its nodes can be, with what a pod can use of
// each once the kubelet's reserve and every DaemonSet pod are taken out.
import { nvidiaGpus } from './gpu-makers.js';
import type { KubeObject, NodePoolSpec, NodeSelectorRequirement } from '../kube.js';
import type { Inventory } from '../inventory/types.js';
import { BUILTIN_POOLS, poolFromNodePool } from '../placement/node-pools.js';
import { allowedInstanceTypes, capacityTypeOf, type CapacityType } from './instance-types.js';
import { MAX_PODS_PER_NODE, type NodeTypeOption } from './pack.js';
import type { PodSize } from './pod-demand.js';
import type { PriceFile } from './price-file.js';

export interface PoolDefinition {
  name: string;
  requirements: readonly NodeSelectorRequirement[];
  builtin: boolean;
  /** Auto Mode nodes pay the management fee; self-managed Karpenter nodes do not. */
  autoMode: boolean;
}

/**
 * Pools by name: the built-in ones, then the inventory's, then the NodePools the plan's steps apply
 * (as their manifests say, requirements and all), each later one replacing an earlier of its name.
 */
export type NodePoolObject = Pick<KubeObject<NodePoolSpec>, 'metadata' | 'spec'>;

export function poolDefinitions(inventory: Inventory, planned: readonly NodePoolObject[]): Map<string, PoolDefinition> {
  const pools = new Map<string, PoolDefinition>();
  for (const [name, p] of Object.entries(BUILTIN_POOLS)) pools.set(name, { name, requirements: p.requirements, builtin: true, autoMode: true });
  for (const np of [...inventory.nodePools, ...planned]) {
    const p = poolFromNodePool(np);
    pools.set(p.name, { name: p.name, requirements: p.requirements, builtin: false, autoMode: p.autoMode });
  }
  return pools;
}

/** Used when a price file gives no allocatable figures: Karpenter-like reserve of 0.08 vCPU and 11 % of memory plus 255 MiB. */
function defaultAllocatable(vcpu: number, memoryGiB: number): { cpu: number; memoryGiB: number } {
  return { cpu: Math.max(0.5, vcpu - 0.08), memoryGiB: Math.max(0.5, memoryGiB * 0.89 - 255 / 1024) };
}

export interface PoolNodeTypes {
  capacity: CapacityType;
  /** Priced at On-Demand; `spotHourly` holds the Spot price per type where the file has one. */
  types: NodeTypeOption[];
  spotHourly: Map<string, number>;
}

/** Node types of a pool, priced per hour with the Auto Mode fee, less the DaemonSet overhead per node. */
export function poolNodeTypes(pool: PoolDefinition, prices: PriceFile, overhead: PodSize & { pods: number }): PoolNodeTypes {
  const capacity = capacityTypeOf(pool.requirements);
  const types: NodeTypeOption[] = [];
  const spotHourly = new Map<string, number>();
  for (const option of allowedInstanceTypes(prices, pool.requirements, pool.builtin)) {
    const p = option.price;
    const fallback = defaultAllocatable(p.vcpu, p.memoryGiB);
    const millicpu = Math.floor((p.allocatableCpu ?? fallback.cpu) * 1000) - overhead.millicpu;
    const memoryBytes = Math.floor((p.allocatableMemoryGiB ?? fallback.memoryGiB) * 2 ** 30) - overhead.memoryBytes;
    const pods = MAX_PODS_PER_NODE - overhead.pods;
    if (millicpu <= 0 || memoryBytes <= 0 || pods <= 0) continue;
    const fee = pool.autoMode ? (p.autoModeFeeHour ?? (p.onDemandHour * prices.autoModeFee.percentOfOnDemand) / 100) : 0;
    types.push({
      type: option.type,
      millicpu,
      memoryBytes,
      gpus: nvidiaGpus(option.type, p) - overhead.gpus,
      pods,
      hourly: p.onDemandHour + fee,
      vcpu: p.vcpu,
      memoryGiB: p.memoryGiB,
    });
    if (capacity === 'spot' && p.spotHour !== undefined) spotHourly.set(option.type, p.spotHour + fee);
  }
  return { capacity, types, spotHourly };
}
