// Packs pods onto instances the way Karpenter roughly chooses them: pods of one shape (memory per
// vCPU) share nodes of the instance type whose nodes cost least for them, filled first-fit by
// decreasing size, then each node shrunk to the cheapest type that still holds what landed on it.
// Pods of one size are placed as a count, not one by one: an estate runs a few hundred distinct pod
// sizes however many replicas it has, so packing stays linear in the number of pods.

/** Auto Mode caps pods per node at 110 whatever the instance (aws-facts §4.2). */
export const MAX_PODS_PER_NODE = 110;

export interface PodDemand {
  millicpu: number;
  memoryBytes: number;
  gpus: number;
  /** Index of the workload the pod belongs to; its share of node cost is added there. */
  owner: number;
}

export interface NodeTypeOption {
  type: string;
  /** What pods can use: allocatable less the per-node overhead (DaemonSets). */
  millicpu: number;
  memoryBytes: number;
  gpus: number;
  pods: number;
  /** Per hour, the Auto Mode fee included. */
  hourly: number;
  /** For the lower bound: the whole instance's vCPU and memory. */
  vcpu: number;
  memoryGiB: number;
}

/** One node and what landed on it: `count` pods of one size, per owner. */
export interface PackedNode {
  type: NodeTypeOption;
  pods: { size: PodSize; owner: number; count: number }[];
}

export interface PackResult {
  nodes: { type: string; count: number }[];
  hourly: number;
  /** The cheapest price per vCPU and per GiB among the types, times the pods' requests. */
  lowerBoundHourly: number;
  /** Hourly cost attributed to each owner: a node's price split by each pod's share of it. */
  byOwner: Map<number, number>;
  /** Pods no type can hold (too large for every type the pool allows). */
  unplaceable: PodDemand[];
  placed: PackedNode[];
}

type PodSize = Pick<PodDemand, 'millicpu' | 'memoryBytes' | 'gpus'>;

interface SizeGroup {
  size: PodSize;
  /** Owners in the order their pods came, with how many pods each still has to place. */
  owners: { owner: number; count: number }[];
  total: number;
}

interface OpenNode extends PackedNode {
  millicpu: number;
  memoryBytes: number;
  gpus: number;
  free: number;
}

const fits = (t: PodSize & { pods: number }, p: PodSize) => p.millicpu <= t.millicpu && p.memoryBytes <= t.memoryBytes && p.gpus <= t.gpus && t.pods >= 1;

/** A pod's weight on a node: its largest share of any resource the node offers. */
function weight(p: PodSize, t: NodeTypeOption): number {
  return Math.max(p.millicpu / t.millicpu, p.memoryBytes / t.memoryBytes, t.gpus > 0 ? p.gpus / t.gpus : 0, 1 / t.pods);
}

function lowerBound(groups: readonly SizeGroup[], types: readonly NodeTypeOption[]): number {
  if (types.length === 0) return 0;
  let cpu = 0;
  let mem = 0;
  for (const g of groups) {
    cpu += g.size.millicpu * g.total;
    mem += g.size.memoryBytes * g.total;
  }
  let perVcpu = Infinity;
  let perGiB = Infinity;
  for (const t of types) {
    perVcpu = Math.min(perVcpu, t.hourly / t.vcpu);
    perGiB = Math.min(perGiB, t.hourly / t.memoryGiB);
  }
  return Math.max((cpu / 1000) * perVcpu, (mem / 2 ** 30) * perGiB);
}

/** The type whose nodes cost least for all of the groups' pods, among those that hold the largest of each; ties by name. */
function chooseType(groups: readonly SizeGroup[], types: readonly NodeTypeOption[]): NodeTypeOption | null {
  const sum = { millicpu: 0, memoryBytes: 0, gpus: 0, count: 0 };
  const max = { millicpu: 0, memoryBytes: 0, gpus: 0 };
  for (const g of groups) {
    sum.millicpu += g.size.millicpu * g.total;
    sum.memoryBytes += g.size.memoryBytes * g.total;
    sum.gpus += g.size.gpus * g.total;
    sum.count += g.total;
    max.millicpu = Math.max(max.millicpu, g.size.millicpu);
    max.memoryBytes = Math.max(max.memoryBytes, g.size.memoryBytes);
    max.gpus = Math.max(max.gpus, g.size.gpus);
  }
  const need = (n: number, room: number) => (n <= 0 ? 0 : Math.ceil(n / room - 1e-9));
  let best: { type: NodeTypeOption; cost: number } | null = null;
  for (const t of types) {
    if (!fits(t, max)) continue;
    const nodes = Math.max(
      1,
      need(sum.millicpu, t.millicpu),
      need(sum.memoryBytes, t.memoryBytes),
      t.gpus > 0 ? need(sum.gpus, t.gpus) : 0,
      need(sum.count, t.pods),
    );
    const cost = nodes * t.hourly;
    if (!best || cost < best.cost - 1e-12 || (Math.abs(cost - best.cost) <= 1e-12 && t.type < best.type.type)) best = { type: t, cost };
  }
  return best?.type ?? null;
}

/** Groups split into batches, each opened on one type: one type for all when one holds all, else the largest pods first on types of their own. */
function batches(groups: readonly SizeGroup[], types: readonly NodeTypeOption[]): { type: NodeTypeOption; groups: SizeGroup[] }[] {
  const out: { type: NodeTypeOption; groups: SizeGroup[] }[] = [];
  let rest = [...groups];
  while (rest.length > 0) {
    const all = chooseType(rest, types);
    if (all) {
      out.push({ type: all, groups: rest });
      break;
    }
    // No type holds every size: the sizes the best type for the smallest pods cannot hold go to the next batch.
    const smallest = rest.reduce((a, b) => (a.size.millicpu + a.size.memoryBytes / 2 ** 20 <= b.size.millicpu + b.size.memoryBytes / 2 ** 20 ? a : b));
    const type = chooseType([smallest], types)!;
    const held = rest.filter((g) => fits(type, g.size));
    out.push({ type: chooseType(held, types) ?? type, groups: held });
    rest = rest.filter((g) => !held.includes(g));
  }
  return out;
}

/** Cheapest type that holds everything on the node (the node's own type always does). */
function shrink(node: OpenNode, types: readonly NodeTypeOption[]): NodeTypeOption {
  const used = { millicpu: node.type.millicpu - node.millicpu, memoryBytes: node.type.memoryBytes - node.memoryBytes, gpus: node.type.gpus - node.gpus };
  const pods = node.type.pods - node.free;
  let best = node.type;
  for (const t of types) {
    if (t.hourly < best.hourly && used.millicpu <= t.millicpu && used.memoryBytes <= t.memoryBytes && used.gpus <= t.gpus && pods <= t.pods) best = t;
  }
  return best;
}

function placeBatch(batch: { type: NodeTypeOption; groups: SizeGroup[] }, types: readonly NodeTypeOption[], result: PackResult): void {
  const type = batch.type;
  const sorted = [...batch.groups].sort(
    (a, b) => weight(b.size, type) - weight(a.size, type) || b.size.millicpu - a.size.millicpu || b.size.memoryBytes - a.size.memoryBytes,
  );
  const open: OpenNode[] = [];
  let firstOpen = 0;
  for (const g of sorted) {
    let owner = 0;
    let left = g.total;
    for (let i = firstOpen; left > 0; i++) {
      let node = open[i];
      if (!node) open.push((node = { type, pods: [], millicpu: type.millicpu, memoryBytes: type.memoryBytes, gpus: type.gpus, free: type.pods }));
      const room = Math.min(
        node.free,
        g.size.millicpu > 0 ? Math.floor(node.millicpu / g.size.millicpu) : Infinity,
        g.size.memoryBytes > 0 ? Math.floor(node.memoryBytes / g.size.memoryBytes) : Infinity,
        g.size.gpus > 0 ? Math.floor(node.gpus / g.size.gpus) : Infinity,
      );
      let n = Math.min(room, left);
      if (n <= 0) continue;
      node.millicpu -= n * g.size.millicpu;
      node.memoryBytes -= n * g.size.memoryBytes;
      node.gpus -= n * g.size.gpus;
      node.free -= n;
      left -= n;
      while (n > 0) {
        const o = g.owners[owner]!;
        const take = Math.min(o.count, n);
        node.pods.push({ size: g.size, owner: o.owner, count: take });
        o.count -= take;
        n -= take;
        if (o.count === 0) owner += 1;
      }
    }
    // Nodes with no pod slot left can take nothing more: later sizes start after them.
    while (firstOpen < open.length && open[firstOpen]!.free === 0) firstOpen += 1;
  }
  for (const node of open) {
    const final = shrink(node, types);
    result.placed.push({ type: final, pods: node.pods });
    result.hourly += final.hourly;
    let total = 0;
    for (const p of node.pods) total += weight(p.size, final) * p.count;
    for (const p of node.pods) result.byOwner.set(p.owner, (result.byOwner.get(p.owner) ?? 0) + (final.hourly * weight(p.size, final) * p.count) / total);
  }
}

/** Memory per vCPU in the steps instance families offer (c ≈ 2 GiB, m ≈ 4, r ≈ 8); GPU pods on their own. */
function shapeClass(p: PodSize): number {
  if (p.gpus > 0) return 3;
  const ratio = p.memoryBytes / 2 ** 30 / Math.max(p.millicpu / 1000, 0.001);
  return ratio <= 3 ? 0 : ratio <= 6 ? 1 : 2;
}

function sizeGroups(pods: readonly PodDemand[]): SizeGroup[] {
  const bySize = new Map<string, SizeGroup>();
  for (const p of pods) {
    const key = `${p.millicpu}/${p.memoryBytes}/${p.gpus}`;
    let g = bySize.get(key);
    if (!g) bySize.set(key, (g = { size: { millicpu: p.millicpu, memoryBytes: p.memoryBytes, gpus: p.gpus }, owners: [], total: 0 }));
    const last = g.owners[g.owners.length - 1];
    if (last && last.owner === p.owner) last.count += 1;
    else g.owners.push({ owner: p.owner, count: 1 });
    g.total += 1;
  }
  return [...bySize.values()];
}

const fresh = (groups: readonly SizeGroup[]): SizeGroup[] => groups.map((g) => ({ size: g.size, total: g.total, owners: g.owners.map((o) => ({ ...o })) }));

function packGroups(batchList: { type: NodeTypeOption; groups: SizeGroup[] }[], types: readonly NodeTypeOption[]): PackResult {
  const result: PackResult = { nodes: [], hourly: 0, lowerBoundHourly: 0, byOwner: new Map(), unplaceable: [], placed: [] };
  for (const batch of batchList) placeBatch({ type: batch.type, groups: fresh(batch.groups) }, types, result);
  const counts = new Map<string, number>();
  for (const node of result.placed) counts.set(node.type.type, (counts.get(node.type.type) ?? 0) + 1);
  result.nodes = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([type, count]) => ({ type, count }));
  return result;
}

export function pack(pods: readonly PodDemand[], types: readonly NodeTypeOption[]): PackResult {
  // Largest first, so the check for a pod no type holds stops at once for almost every pod.
  const bySize = [...types].sort((a, b) => b.millicpu - a.millicpu || b.memoryBytes - a.memoryBytes);
  const unplaceable = pods.filter((p) => !bySize.some((t) => fits(t, p)));
  const groups = sizeGroups(unplaceable.length === 0 ? pods : pods.filter((p) => !unplaceable.includes(p)));
  const together = packGroups(batches(groups, types), types);
  const classes = new Map<number, SizeGroup[]>();
  for (const g of groups) {
    const c = shapeClass(g.size);
    classes.set(c, [...(classes.get(c) ?? []), g]);
  }
  // Nodes per shape class are cheaper when the classes are large; a handful of pods is cheaper together.
  const apart =
    classes.size > 1
      ? packGroups(
          [...classes.keys()].sort().flatMap((c) => batches(classes.get(c)!, types)),
          types,
        )
      : null;
  const best = apart && apart.hourly < together.hourly - 1e-9 ? apart : together;
  return { ...best, lowerBoundHourly: lowerBound(groups, types), unplaceable };
}
