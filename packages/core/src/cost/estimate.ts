// The plan's cost section: monthly compute on the source mode as the cluster runs today and on the
// target as the plan leaves it, per namespace and per wave, with what is left out and every
// assumption said. A workload is priced on both sides or on neither, so the two totals compare.
import type { Mode, Stage } from '@modeshift/plan';
import type { Container, PodSpec } from '../kube.js';
import type { Workload } from '../inventory/types.js';
import { replacedBy } from '../analysis/replaced-daemonsets.js';
import type { Compute, SourceMode } from '../placement/types.js';
import { collectMoves, type Move } from '../plan/moves.js';
import type { PlanInput } from '../plan/plan-input.js';
import { assumptionsFor } from './assumptions.js';
import { fargatePodPrice } from './fargate-price.js';
import type { PodDemand } from './pack.js';
import { HOURS_PER_MONTH, poolCost } from './pool-cost.js';
import { fargateBilledHours, isRunToCompletion, type RunTime, type RunTimes } from './run-time.js';
import { podSize, replicasOf, unpricedCompute, type PodSize } from './pod-demand.js';
import { poolDefinitions, poolNodeTypes, type NodePoolObject } from './pools.js';
import type { PriceFile } from './price-file.js';
import type { CostEstimate, PlanCost, PoolPacking } from './types.js';
import { groupInOrder } from '../util/group-by.js';

type Side = 'source' | 'target';
const SIDES: readonly Side[] = ['source', 'target'];

const cents = (n: number) => Math.round(n * 100) / 100;

/** Where a moving workload lands: the NodePool the plan pins it to, else where placement puts it. */
function landing(move: Move, placed: Compute): Compute {
  for (const edit of move.edits)
    if (edit.op === 'set-node-selector' && edit.key === 'karpenter.sh/nodepool') return { type: 'auto-mode', nodePool: edit.value };
  return placed;
}

/** The pod spec after the move's resource edits (Fargate needs requests that equal limits, for one). */
function specAfter(spec: PodSpec, move: Move | undefined): PodSpec {
  const edits = move?.edits.filter((e) => e.op === 'set-resources') ?? [];
  if (edits.length === 0) return spec;
  const resize = (c: Container): Container => {
    const edit = edits.find((e) => e.op === 'set-resources' && e.container === c.name);
    return edit && edit.op === 'set-resources' ? { ...c, resources: { requests: edit.requests, limits: edit.limits } } : c;
  };
  return { ...spec, containers: spec.containers.map(resize), ...(spec.initContainers ? { initContainers: spec.initContainers.map(resize) } : {}) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The NodePools a step applies, alone or in a List with their NodeClass. The plan's own manifest
 * builder wrote them, so a spec found there has the NodePool shape.
 */
function nodePoolManifests(o: Record<string, unknown>): NodePoolObject[] {
  if (o['kind'] === 'List' && Array.isArray(o['items'])) return o['items'].flatMap((item) => (isRecord(item) ? nodePoolManifests(item) : []));
  const metadata = o['metadata'];
  const spec = o['spec'];
  if (o['kind'] !== 'NodePool' || !isRecord(metadata) || typeof metadata['name'] !== 'string' || !isRecord(spec)) return [];
  return [{ metadata: { name: metadata['name'], labels: {}, annotations: {} }, spec: spec }];
}

interface Priced {
  workload: Workload;
  compute: Record<Side, Compute>;
  spec: Record<Side, PodSpec>;
  replicas: number;
  /** A Job or CronJob: the pod-hours it runs a month; null for what always runs. */
  runTime: RunTime | null;
}

export function estimateCost(input: PlanInput, stages: readonly Stage[], from: SourceMode, prices: PriceFile | null, runTimes: RunTimes = new Map()): PlanCost {
  if (!prices) return { estimate: null, unavailable: 'no prices were given' };
  const { inventory, placement, index } = input.ctx;
  const region = inventory.cluster?.region ?? null;
  if (region === null) {
    return {
      estimate: null,
      unavailable: `the inventory does not say which Region the cluster is in (add \`aws eks describe-cluster\` output); prices differ by Region, and the ones at hand are for ${prices.region}`,
    };
  }
  if (region !== prices.region) {
    return {
      estimate: null,
      unavailable: `the cluster is in ${region}, and the prices at hand are for ${prices.region} only; pass --prices <file> with ${region} prices, or --prices live`,
    };
  }
  const target: Mode = input.ctx.target;
  const moves = new Map(collectMoves(input).map((m) => [m.workload.key, m]));
  const excluded = new Map<string, string>();
  const overhead: Record<Side, PodSize & { pods: number }> = {
    source: { millicpu: 0, memoryBytes: 0, gpus: 0, pods: 0 },
    target: { millicpu: 0, memoryBytes: 0, gpus: 0, pods: 0 },
  };
  const priced: Priced[] = [];
  const withoutRunTime: string[] = [];
  for (const w of inventory.workloads) {
    const place = placement.workloads.get(w.key);
    if (!place) continue;
    const move = input.staying.has(w.key) ? undefined : moves.get(w.key);
    // A DaemonSet is never "moved", yet on the target it runs wherever the target has nodes, unless it stays.
    const daemonSetTarget = w.kind === 'DaemonSet' && !input.staying.has(w.key) ? place.target : place.current;
    const compute: Record<Side, Compute> = { source: place.current, target: move ? landing(move, place.target) : daemonSetTarget };
    const spec: Record<Side, PodSpec> = { source: w.template.spec, target: specAfter(w.template.spec, move) };
    const replicas = replicasOf(w, index, runTimes);
    // Auto Mode runs its own CNI, kube-proxy, CSI and device plugins on its nodes: the DaemonSets they replace take no room there.
    if (w.kind === 'DaemonSet' && replacedBy(w) === null) {
      for (const side of SIDES) {
        if (compute[side].type !== 'auto-mode') continue;
        const size = podSize(spec[side]);
        overhead[side].millicpu += size.millicpu;
        overhead[side].memoryBytes += size.memoryBytes;
        overhead[side].gpus += size.gpus;
        overhead[side].pods += 1;
      }
    }
    if (replicas.count === null) {
      if (isRunToCompletion(w) && w.finished === null) withoutRunTime.push(w.key);
      excluded.set(w.key, replicas.reason);
      continue;
    }
    const unpriced = unpricedCompute(compute.source) ?? unpricedCompute(compute.target);
    if (unpriced) {
      excluded.set(w.key, unpriced);
      continue;
    }
    priced.push({ workload: w, compute, spec, replicas: replicas.count, runTime: replicas.from === 'run-time' ? replicas.runTime : null });
  }

  const hourly: Record<Side, Map<string, number>> = { source: new Map(), target: new Map() };
  const spotHourly = new Map<string, number>();
  const packing: PoolPacking[] = [];
  const pools = poolDefinitions(
    inventory,
    stages.flatMap((s) => s.steps.flatMap((step) => step.manifests.flatMap((m) => nodePoolManifests(m.object)))),
  );
  let spotWithoutPrices = false;
  // A workload left out on one side is left out on both; packing again without it is then needed
  // at most once more, as a workload is only ever left out, never taken back.
  for (let pass = 0; pass < 3; pass++) {
    const before = excluded.size;
    for (const side of SIDES) hourly[side].clear();
    spotHourly.clear();
    packing.length = 0;
    const buckets = new Map<string, { side: Side; pool: string; pods: PodDemand[]; owners: Priced[] }>();
    for (const p of priced) {
      if (excluded.has(p.workload.key)) continue;
      for (const side of SIDES) {
        const c = p.compute[side];
        if (c.type === 'fargate') {
          const price = fargatePodPrice(p.spec[side], prices.fargate);
          if (!price) excluded.set(p.workload.key, 'no Fargate size holds one of its pods');
          else hourly[side].set(p.workload.key, p.runTime ? (price.hourly * fargateBilledHours(p.runTime)) / HOURS_PER_MONTH : price.hourly * p.replicas);
        } else if (c.type === 'auto-mode') {
          const key = `${side}\u0000${c.nodePool}`;
          let bucket = buckets.get(key);
          if (!bucket) buckets.set(key, (bucket = { side, pool: c.nodePool, pods: [], owners: [] }));
          const size = podSize(p.spec[side]);
          const owner = bucket.owners.push(p) - 1;
          for (let i = 0; i < p.replicas; i++) bucket.pods.push({ ...size, owner });
        }
      }
    }
    for (const bucket of [...buckets.values()].sort((a, b) => (a.side + a.pool < b.side + b.pool ? -1 : 1))) {
      const pool = pools.get(bucket.pool);
      const nodeTypes = pool ? poolNodeTypes(pool, prices, overhead[bucket.side]) : null;
      if (!pool || !nodeTypes || nodeTypes.types.length === 0) {
        const why = !pool
          ? `NodePool ${bucket.pool} is not in the inventory, so its instance types are not known`
          : `no priced instance type fits NodePool ${bucket.pool}`;
        for (const o of bucket.owners) excluded.set(o.workload.key, why);
        continue;
      }
      const partTime = new Map<number, number>();
      bucket.owners.forEach((o, i) => {
        if (o.runTime) partTime.set(i, o.runTime.hoursPerMonth);
      });
      const cost = poolCost({ side: bucket.side, pool: bucket.pool, pods: bucket.pods, partTime }, nodeTypes);
      for (const owner of cost.unplaceable)
        excluded.set(bucket.owners[owner]!.workload.key, `no instance type NodePool ${bucket.pool} allows holds one of its pods`);
      for (const [owner, h] of cost.hourly) {
        const key = bucket.owners[owner]!.workload.key;
        hourly[bucket.side].set(key, (hourly[bucket.side].get(key) ?? 0) + h);
      }
      if (cost.spotDelta !== null) spotHourly.set(bucket.pool, cost.spotDelta);
      spotWithoutPrices ||= cost.spotWithoutPrices;
      if (cost.packing) packing.push(cost.packing);
    }
    if (excluded.size === before) break;
  }
  return {
    estimate: summarise({ input, stages, from, target, prices, priced, excluded, withoutRunTime, hourly, spotHourly, packing, spotWithoutPrices }),
    unavailable: null,
  };
}

interface Totals {
  input: PlanInput;
  stages: readonly Stage[];
  from: SourceMode;
  target: Mode;
  prices: PriceFile;
  priced: Priced[];
  excluded: Map<string, string>;
  withoutRunTime: string[];
  hourly: Record<Side, Map<string, number>>;
  spotHourly: Map<string, number>;
  packing: PoolPacking[];
  spotWithoutPrices: boolean;
}

function summarise(t: Totals): CostEstimate {
  const monthly = (side: Side, keys: Iterable<string>) => {
    let sum = 0;
    for (const k of keys) if (!t.excluded.has(k)) sum += t.hourly[side].get(k) ?? 0;
    return sum * HOURS_PER_MONTH;
  };
  const counted = t.priced.filter((p) => !t.excluded.has(p.workload.key));
  const included = counted.map((p) => p.workload.key);
  const byNs = groupInOrder(counted, (p) => p.workload.metadata.namespace);
  const targetMonthly = monthly('target', included);
  const spotDelta = [...t.spotHourly.values()].reduce((a, b) => a + b, 0) * HOURS_PER_MONTH;
  // The waves stage's own: pinning steps are of kind wave too, but move nothing (they keep pods where they run until their wave).
  const waves = t.stages.filter((s) => s.id === 'waves').flatMap((s) => s.steps.filter((step) => step.kind === 'wave'));
  return {
    currency: 'USD',
    hoursPerMonth: HOURS_PER_MONTH,
    prices: { region: t.prices.region, asOf: t.prices.asOf, sources: t.prices.sources },
    source: { mode: t.from, monthly: cents(monthly('source', included)) },
    target: { mode: t.target, monthly: cents(targetMonthly), ...(t.spotHourly.size > 0 ? { monthlySpot: cents(targetMonthly + spotDelta) } : {}) },
    byNamespace: [...byNs.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([namespace, list]) => {
        const keys = list.map((p) => p.workload.key);
        return { namespace, source: cents(monthly('source', keys)), target: cents(monthly('target', keys)) };
      }),
    byWave: waves.map((w) => ({
      step: w.id,
      namespaces: w.namespaces,
      source: cents(monthly('source', w.workloads)),
      target: cents(monthly('target', w.workloads)),
    })),
    packing: t.packing,
    runTimes: t.priced.flatMap((p) =>
      p.runTime && !t.excluded.has(p.workload.key)
        ? [{ workload: p.workload.key, hoursPerMonth: Math.round(p.runTime.hoursPerMonth * 10000) / 10000, runs: p.runTime.runs, from: p.runTime.from }]
        : [],
    ),
    withoutRunTime: [...t.withoutRunTime].sort(),
    excluded: [...t.excluded.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([workload, reason]) => ({ workload, reason })),
    assumptions: assumptionsFor({
      prices: t.prices,
      spotPools: t.spotHourly.size > 0,
      spotWithoutPrices: t.spotWithoutPrices,
      jobsPriced: t.priced.some((p) => p.runTime && !t.excluded.has(p.workload.key)),
      jobsWithoutRunTime: t.withoutRunTime.length > 0,
    }),
  };
}
