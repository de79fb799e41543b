import { type Finding, type PlanSummary, SEVERITIES, type Severity, type WorkloadOutcome } from '@modeshift/plan';
import { describeCompute } from '../placement/place.js';
import type { Compute } from '../placement/types.js';
import { collectMoves, type Move } from './moves.js';
import { withAction, type PlanInput } from './plan-input.js';
import { choosePool, type PoolModel } from '../placement/node-pools.js';
import { applyEdits } from '../simulate/edits.js';

/**
 * The Auto Mode NodePools the plan creates (GPU, arm64, security groups…), as scheduling sees them: a workload
 * that fits no pool the cluster has yet lands on one of these once its wave has applied its edits.
 */
function plannedPools(input: PlanInput): PoolModel[] {
  return withAction(input, 'capacity').flatMap(({ action }) =>
    action.request.kind === 'node-pool'
      ? [{ name: action.request.name, weight: 0, requirements: action.request.requirements, labels: {}, taints: action.request.taints, autoMode: true }]
      : [],
  );
}

export function workloadOutcomes(input: PlanInput): WorkloadOutcome[] {
  const moves = new Map(collectMoves(input).map((m) => [m.workload.key, m]));
  const pools = input.ctx.target === 'auto-mode' ? plannedPools(input) : [];
  /** Where a moving workload lands: its placement's target, or a pool the plan creates when no existing one fits. */
  const targetOf = (move: Move, target: Compute): Compute => {
    if (target.type !== 'pending' || pools.length === 0) return target;
    const pool = choosePool(pools, applyEdits(move.workload, move.edits).template.spec);
    return pool ? { type: 'auto-mode', nodePool: pool.name } : target;
  };
  // Placements share their compute objects, so each description is written once, not per workload.
  const described = new Map<Compute, string>();
  const describe = (c: Compute) => {
    let text = described.get(c);
    if (text === undefined) described.set(c, (text = describeCompute(c)));
    return text;
  };
  return input.ctx.inventory.workloads.map((w): WorkloadOutcome => {
    const placement = input.ctx.placement.workloads.get(w.key);
    const from = placement ? describe(placement.current) : 'unknown';
    const stay = input.staying.get(w.key);
    // Keys in sorted order, as the plan JSON writes them, so 20,000 outcomes need no re-sorted copies.
    if (stay) return { findings: stay.map((f) => f.id).sort(), from, outcome: 'stays', to: from, workload: w.key };
    const move = moves.get(w.key);
    if (move) {
      // Pods Fargate never ran (its profile holds them Pending) start on the target: they do not move from anywhere.
      const outcome = placement?.current.type === 'pending' ? 'starts' : 'moves';
      return { findings: [], from, outcome, to: placement ? describe(targetOf(move, placement.target)) : 'unknown', workload: w.key };
    }
    return { findings: [], from, outcome: 'unchanged', to: from, workload: w.key };
  });
}

export function summarise(findings: Finding[], outcomes: WorkloadOutcome[], incomplete: boolean): PlanSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) bySeverity[f.severity] += 1;
  const count = (o: WorkloadOutcome['outcome']) => outcomes.filter((x) => x.outcome === o).length;
  const staying = count('stays');
  return {
    bySeverity,
    workloads: { total: outcomes.length, moving: count('moves'), starting: count('starts'), staying, unchanged: count('unchanged') },
    readiness: incomplete ? 'incomplete' : bySeverity.blocker > 0 ? 'blocked' : bySeverity.change > 0 ? 'ready-with-changes' : 'ready',
  };
}
