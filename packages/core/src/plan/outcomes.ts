import { type Finding, type PlanSummary, SEVERITIES, type Severity, type WorkloadOutcome } from '@modeshift/plan';
import { describeCompute } from '../placement/place.js';
import type { Compute } from '../placement/types.js';
import { collectMoves } from './moves.js';
import type { PlanInput } from './plan-input.js';

export function workloadOutcomes(input: PlanInput): WorkloadOutcome[] {
  const moving = new Set(collectMoves(input).map((m) => m.workload.key));
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
    if (moving.has(w.key)) {
      // Pods Fargate never ran (its profile holds them Pending) start on the target: they do not move from anywhere.
      const outcome = placement?.current.type === 'pending' ? 'starts' : 'moves';
      return { findings: [], from, outcome, to: placement ? describe(placement.target) : 'unknown', workload: w.key };
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
