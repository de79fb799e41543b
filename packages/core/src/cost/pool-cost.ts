// What the pods of one Auto Mode NodePool cost, on one side of the move. Pods that always run are
// packed onto nodes, and those nodes are the pool's monthly cost. Jobs and CronJobs run part of the
// month on the same nodes: they are packed in with the others to find the share of a node each of
// their pods takes, and pay that share for their hours alone. A pool that holds nothing else gives
// them whole nodes, as Karpenter launches one for them while they run.
import type { PoolPacking } from '@modeshift/plan';
import { pack, type PodDemand } from './pack.js';
import type { PoolNodeTypes } from './pools.js';

export const HOURS_PER_MONTH = 730;

const cents = (n: number) => Math.round(n * 100) / 100;

export interface PoolDemand {
  side: PoolPacking['side'];
  pool: string;
  pods: PodDemand[];
  /** Pod-hours a month of each owner that runs part of the month; owners not here always run. */
  partTime: ReadonlyMap<number, number>;
}

export interface PoolCost {
  /** Hourly cost per owner, as a month's average: a part-time owner's share times its hours ÷ 730. */
  hourly: Map<number, number>;
  /** Owners with a pod no instance type the pool allows can hold. */
  unplaceable: Set<number>;
  /** The nodes the always-running pods need; null when none always runs. */
  packing: PoolPacking | null;
  /** Spot minus On-Demand per hour on a Spot pool (negative or zero); null on an On-Demand pool. */
  spotDelta: number | null;
  /** Some node type of a Spot pool has no Spot price, so it is priced On-Demand there. */
  spotWithoutPrices: boolean;
}

/** The Spot price of nodes, a type without one at its On-Demand price. */
function spotHourly(nodes: { type: string; count: number }[], types: PoolNodeTypes): number {
  let sum = 0;
  for (const n of nodes) sum += n.count * (types.spotHourly.get(n.type) ?? types.types.find((t) => t.type === n.type)!.hourly);
  return sum;
}

export function poolCost(demand: PoolDemand, types: PoolNodeTypes): PoolCost {
  const out: PoolCost = { hourly: new Map(), unplaceable: new Set(), packing: null, spotDelta: null, spotWithoutPrices: false };
  const spot = types.capacity === 'spot' && demand.side === 'target';
  const steady = demand.partTime.size === 0 ? demand.pods : demand.pods.filter((p) => !demand.partTime.has(p.owner));
  if (steady.length > 0) {
    const result = pack(steady, types.types);
    for (const pod of result.unplaceable) out.unplaceable.add(pod.owner);
    for (const [owner, h] of result.byOwner) out.hourly.set(owner, h);
    if (spot) {
      out.spotWithoutPrices = result.nodes.some((n) => !types.spotHourly.has(n.type));
      out.spotDelta = spotHourly(result.nodes, types) - result.hourly;
    }
    out.packing = {
      side: demand.side,
      pool: demand.pool,
      nodes: result.nodes,
      pods: steady.length - result.unplaceable.length,
      monthly: cents(result.hourly * HOURS_PER_MONTH),
      lowerBound: cents(result.lowerBoundHourly * HOURS_PER_MONTH),
      efficiency: result.lowerBoundHourly > 0 ? Math.round((result.hourly / result.lowerBoundHourly) * 1000) / 1000 : 1,
      capacity: types.capacity,
    };
  }
  if (steady.length === demand.pods.length) return out;
  // Packed as if always there, for the share of a node each part-time pod takes among its neighbours.
  const shared = pack(demand.pods, types.types);
  for (const pod of shared.unplaceable) if (demand.partTime.has(pod.owner)) out.unplaceable.add(pod.owner);
  const spotRatio = spot && shared.hourly > 0 ? spotHourly(shared.nodes, types) / shared.hourly : 1;
  if (spot) out.spotWithoutPrices ||= shared.nodes.some((n) => !types.spotHourly.has(n.type));
  for (const [owner, h] of shared.byOwner) {
    const hours = demand.partTime.get(owner);
    if (hours === undefined) continue;
    const average = (h * hours) / HOURS_PER_MONTH;
    out.hourly.set(owner, average);
    if (spot) out.spotDelta = (out.spotDelta ?? 0) + average * (spotRatio - 1);
  }
  return out;
}
