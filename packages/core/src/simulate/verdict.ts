import type { CapabilityId } from '@modeshift/plan';
import type { ResourceRef } from '../inventory/types.js';
import type { Plan } from '@modeshift/plan';
import type { RuleContext, RuleFinding } from '../rules/engine/types.js';
import { catalogueFindings, mergeCatalogues } from '../plan/rule-catalogue.js';
import { simulate } from './replay.js';
import type { Invariant, Violation } from './types.js';

/** What `plan` carries of its simulation: the verdict and every broken invariant. */
export interface SimulationVerdict {
  verdict: 'holds' | 'broken';
  violations: Violation[];
}

export type SimulatedPlan = Plan & { simulation: SimulationVerdict };

export function hasSimulation(plan: Plan): plan is SimulatedPlan {
  return 'simulation' in plan;
}

/** The verdict in one line, as every output shows it. */
export function verdictLine(simulation: SimulationVerdict): string {
  if (simulation.verdict === 'holds') return 'simulated step by step: every invariant holds';
  const invariants = [...new Set(simulation.violations.map((v) => v.invariant))];
  const n = simulation.violations.length;
  return `simulated step by step: ${n} broken invariant${n === 1 ? '' : 's'} (${invariants.join(', ')})`;
}

/** The capability whose matrix row documents what the invariant protects. */
const CAPABILITY: Record<Invariant, CapabilityId> = {
  capacity: 'scheduling',
  dns: 'coredns',
  'load-balancers': 'load-balancer',
  'security-groups': 'pod-security-groups',
  identity: 'pod-identity',
  logs: 'logging',
  'network-policy': 'network-policy',
  'end-state': 'autoscaling',
};

function refOf(resource: string): ResourceRef | null {
  const parts = resource.split('/');
  if (parts.length === 3) return { kind: parts[0]!, namespace: parts[1]!, name: parts[2]! };
  if (parts.length === 2 && parts[0] !== 'cluster') return { kind: parts[0]!, namespace: null, name: parts[1]! };
  return null;
}

/** A broken invariant as a blocker finding: the plan must not be run as it is. */
export function violationFinding(ctx: RuleContext, v: Violation): RuleFinding {
  const capability = CAPABILITY[v.invariant];
  return {
    id: `simulation-${v.invariant}:${v.resource}@${v.step}`,
    rule: `simulation-${v.invariant}`,
    capability,
    severity: 'blocker',
    resource: refOf(v.resource),
    message: `After step ${v.step}, ${v.resource}: ${v.breaks} (${v.invariant}).`,
    remediation: `${v.because.charAt(0).toUpperCase()}${v.because.slice(1)}. Fix or reorder the plan before running it; \`modeshift simulate\` replays it step by step.`,
    sources: [...new Set(ctx.matrix[ctx.target][capability].sources)],
    action: { type: 'review' },
  };
}

/**
 * The plan with its simulation: the verdict attached, each broken invariant added as a blocker
 * finding and the summary counted again.
 */
export function withSimulation(ctx: RuleContext, plan: Plan): SimulatedPlan {
  const { verdict, violations } = simulate(ctx, plan);
  if (violations.length === 0) return { ...plan, simulation: { verdict, violations } };
  const added = catalogueFindings(violations.map((v) => violationFinding(ctx, v)));
  const findings = [...added.findings, ...plan.findings];
  const bySeverity = { ...plan.summary.bySeverity, blocker: plan.summary.bySeverity.blocker + violations.length };
  // An incomplete inventory stays "incomplete": no verdict, not even "blocked", holds for what was not read.
  const readiness = plan.summary.readiness === 'incomplete' ? 'incomplete' : 'blocked';
  return {
    ...plan,
    rules: mergeCatalogues(plan.rules, added.rules),
    findings,
    summary: { ...plan.summary, bySeverity, readiness },
    simulation: { verdict, violations },
  };
}
