import type { Finding } from '../findings/types.js';
import type { RuleContext } from '../rules/types.js';
import { runRules } from '../rules/run.js';
import { workloadOutcomes, summarise } from './outcomes.js';
import { planInput } from './plan-input.js';
import { capacitySteps } from './stage-capacity.js';
import { decommissionSteps } from './stage-decommission.js';
import { loadBalancerControllerStep, loadBalancerSteps } from './stage-load-balancers.js';
import { nodeAgentSteps } from './stage-node-agents.js';
import { prerequisiteSteps } from './stage-prerequisites.js';
import { securityGroupSteps } from './stage-security-groups.js';
import { staysStep, waveSteps } from './stage-waves.js';
import { verificationSteps } from './stage-verification.js';
import type { Plan, Stage, StageId, Step } from './types.js';
import { withSimulation, type SimulatedPlan } from '../simulate/verdict.js';

const STAGES: { id: StageId; title: string; dependsOn: StageId[] }[] = [
  { id: 'prerequisites', title: 'Prerequisites', dependsOn: [] },
  { id: 'capacity', title: 'Target capacity', dependsOn: ['prerequisites'] },
  { id: 'node-agents', title: 'Node agents and logging', dependsOn: ['capacity'] },
  { id: 'security-groups', title: 'Security groups and network policies', dependsOn: ['capacity'] },
  { id: 'waves', title: 'Workload waves', dependsOn: ['node-agents', 'security-groups'] },
  { id: 'verification', title: 'Verification', dependsOn: ['waves'] },
  { id: 'decommission', title: 'Decommission', dependsOn: ['verification'] },
];

/** The ids a later stage waits for: the last step of each chain in a stage (all steps when they run in parallel). */
function exits(steps: Step[]): string[] {
  const dependedOn = new Set(steps.flatMap((s) => s.dependsOn));
  return steps.filter((s) => !dependedOn.has(s.id)).map((s) => s.id);
}

/**
 * Findings → ordered stages of steps, replayed on a model of the cluster: the plan carries the
 * simulation's verdict, and each invariant it breaks is a blocker finding. Pure: the same findings
 * always give the same plan.
 */
export function buildPlan(ctx: RuleContext, findings: Finding[] = runRules(ctx)): SimulatedPlan {
  return withSimulation(ctx, buildUnsimulatedPlan(ctx, findings));
}

/** The staged plan alone, before its simulation. */
export function buildUnsimulatedPlan(ctx: RuleContext, findings: Finding[] = runRules(ctx)): Plan {
  const input = planInput(ctx, findings);
  const steps = new Map<StageId, Step[]>();
  const lbController = loadBalancerControllerStep(input);
  steps.set('prerequisites', [...prerequisiteSteps(input), ...(lbController ? [lbController] : [])]);
  const prereqExits = exits(steps.get('prerequisites')!);
  const capacity = capacitySteps(input).map((s) => ({ ...s, dependsOn: [...new Set([...prereqExits, ...s.dependsOn])] }));
  steps.set('capacity', capacity);
  const capacityExits = exits(capacity).length ? exits(capacity) : prereqExits;
  steps.set('node-agents', nodeAgentSteps(input, capacityExits));
  steps.set('security-groups', securityGroupSteps(input, capacityExits));
  const beforeWaves = [...exits(steps.get('node-agents')!), ...exits(steps.get('security-groups')!)];
  const waveStart = beforeWaves.length ? beforeWaves : capacityExits;
  const waves = waveSteps(input, waveStart);
  const waveByNs = new Map(waves.map((w) => [w.namespaces[0] ?? '', w.id]));
  const stays = staysStep(input, waveStart);
  steps.set('waves', [...waves, ...loadBalancerSteps(input, (ns) => waveByNs.get(ns), waveStart), ...(stays ? [stays] : [])]);
  const waveExits = exits(steps.get('waves')!);
  steps.set('verification', verificationSteps(input, waveExits.length ? waveExits : waveStart));
  steps.set('decommission', decommissionSteps(input, exits(steps.get('verification')!)));

  const stages: Stage[] = STAGES.map((s) => ({ ...s, steps: steps.get(s.id) ?? [] }));
  const outcomes = workloadOutcomes(input);
  const cluster = ctx.inventory.cluster;
  return {
    schemaVersion: 1,
    from: ctx.placement.from,
    to: ctx.target,
    cluster: {
      name: cluster?.name ?? null,
      region: cluster?.region ?? null,
      version: cluster?.version ?? (ctx.clusterVersion ? `${ctx.clusterVersion.major}.${ctx.clusterVersion.minor}` : null),
    },
    inventoryDate: ctx.inventory.collectedAt,
    summary: summarise(findings, outcomes),
    findings,
    stages,
    workloads: outcomes,
  };
}
