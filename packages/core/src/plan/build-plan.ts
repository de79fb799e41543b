import type { Plan, Stage, StageId, Step } from '@modeshift/plan';
import type { RuleContext, RuleFinding } from '../rules/engine/types.js';
import { catalogueFindings } from './rule-catalogue.js';
import { runRules } from '../rules/engine/run.js';
import { workloadOutcomes, summarise } from './outcomes.js';
import { planInput } from './plan-input.js';
import { capacitySteps } from './stage-capacity.js';
import { controllerOnFargateStep } from './controller-on-fargate.js';
import { holdBack, incompleteEntries } from './incomplete.js';
import { unreadPodEntries } from '../analysis/unread-pods.js';
import { unseenCapacityEntries } from '../analysis/unseen-capacity-entries.js';
import { decommissionSteps } from './stage-decommission.js';
import { dataMoveStep } from './data-moves.js';
import { profileQuotaStep } from './fargate-profile-quota-step.js';
import { loadBalancerControllerStep, wafv2MigrationStep } from './stage-load-balancers.js';
import { loadBalancerSteps } from './load-balancer-blue-green.js';
import { reviewDataInPodsStep } from './review-data-in-pods.js';
import { awsLoggingStep, nodeAgentSteps } from './stage-node-agents.js';
import { prerequisiteSteps } from './stage-prerequisites.js';
import { securityGroupSteps } from './stage-security-groups.js';
import { staysStep, waveSteps } from './stage-waves.js';
import { verificationSteps } from './stage-verification.js';
import { BUNDLED_PRICES } from '../cost/bundled-prices.js';
import { estimateCost } from '../cost/estimate.js';
import type { PriceFile } from '../cost/price-file.js';
import type { RunTimes } from '../cost/run-time.js';

export interface PlanOptions {
  /** Prices for the cost section: the bundled snapshot unless given; null leaves cost out. */
  prices?: PriceFile | null;
  /** How long Jobs and CronJobs run a month, by `namespace/name` (`--job-hours`); their annotation is read besides. */
  runTimes?: RunTimes;
  /** Files and documents the reader skipped, counted into the plan so a script sees the input was not all read. */
  skippedInputs?: number;
}
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
export function buildPlan(ctx: RuleContext, findings: RuleFinding[] = runRules(ctx), options: PlanOptions = {}): SimulatedPlan {
  return withSimulation(ctx, buildUnsimulatedPlan(ctx, findings, options));
}

/** The staged plan alone, before its simulation. */
export function buildUnsimulatedPlan(ctx: RuleContext, findings: RuleFinding[] = runRules(ctx), options: PlanOptions = {}): Plan {
  const input = planInput(ctx, findings);
  const steps = new Map<StageId, Step[]>();
  const lbController = loadBalancerControllerStep(input);
  const wafv2 = wafv2MigrationStep(input);
  const awsLogging = awsLoggingStep(input);
  const dataInPods = reviewDataInPodsStep(input);
  steps.set('prerequisites', [
    ...(dataInPods ? [dataInPods] : []),
    ...prerequisiteSteps(input),
    ...(awsLogging ? [awsLogging] : []),
    ...(lbController ? [lbController] : []),
    ...(wafv2 ? [wafv2] : []),
  ]);
  const prereqExits = exits(steps.get('prerequisites')!);
  const capacity = capacitySteps(input).map((s) => ({ ...s, dependsOn: [...new Set([...prereqExits, ...s.dependsOn])] }));
  // What the plan installs needs capacity on the target before the source capacity goes.
  const controllerOnTarget = lbController ? controllerOnFargateStep(input, lbController, exits(capacity).length ? exits(capacity) : prereqExits) : null;
  if (controllerOnTarget) capacity.push(controllerOnTarget);
  const dataMove = dataMoveStep(input, capacity);
  if (dataMove) capacity.push({ ...dataMove, dependsOn: [...new Set([...prereqExits, ...dataMove.dependsOn])] });
  const quota = profileQuotaStep(input, capacity);
  if (quota.quota) steps.get('prerequisites')!.push(quota.quota);
  steps.set('capacity', quota.capacity);
  const capacityExits = exits(capacity).length ? exits(capacity) : prereqExits;
  steps.set('node-agents', nodeAgentSteps(input, capacityExits));
  steps.set('security-groups', securityGroupSteps(input, capacityExits));
  const beforeWaves = [...exits(steps.get('node-agents')!), ...exits(steps.get('security-groups')!)];
  const waveStart = beforeWaves.length ? beforeWaves : capacityExits;
  const waves = waveSteps(input, waveStart);
  const waveByNs = new Map(waves.filter((w) => w.kind === 'wave').map((w) => [w.namespaces[0] ?? '', w.id]));
  const stays = staysStep(input, waveStart);
  steps.set('waves', [...waves, ...loadBalancerSteps(input, (ns) => waveByNs.get(ns), waveStart), ...(stays ? [stays] : [])]);
  const waveExits = exits(steps.get('waves')!);
  const reviewedEarlier = new Set([...steps.values()].flatMap((list) => list.filter((s) => s.kind === 'review').flatMap((s) => s.findings)));
  steps.set('verification', verificationSteps(input, waveExits.length ? waveExits : waveStart, reviewedEarlier));
  const decommission = decommissionSteps(input, exits(steps.get('verification')!));
  // Objects keeping pods modeshift does not read leave the plan as blind as a kind not collected.
  // So does capacity the workloads run on that the inventory does not show: placement assumed it.
  const incomplete = incompleteEntries([...ctx.inventory.notCollected, ...unreadPodEntries(ctx.inventory), ...unseenCapacityEntries(ctx)]);
  const heldBack = holdBack(decommission, incomplete);
  steps.set('decommission', heldBack.length > 0 ? [] : decommission);

  const stages: Stage[] = STAGES.map((s) => ({ ...s, steps: steps.get(s.id) ?? [] }));
  const outcomes = workloadOutcomes(input);
  const cluster = ctx.inventory.cluster;
  const cost = estimateCost(input, stages, ctx.placement.from, options.prices === undefined ? BUNDLED_PRICES : options.prices, options.runTimes);
  return {
    schemaVersion: 2,
    from: ctx.placement.from,
    to: ctx.target,
    cluster: {
      name: cluster?.name ?? null,
      region: cluster?.region ?? null,
      version: cluster?.version ?? (ctx.clusterVersion ? `${ctx.clusterVersion.major}.${ctx.clusterVersion.minor}` : null),
    },
    inventoryDate: ctx.inventory.collectedAt,
    incomplete,
    heldBack,
    skippedInputs: options.skippedInputs ?? 0,
    summary: summarise(findings, outcomes, incomplete.length > 0),
    ...catalogueFindings(findings),
    stages,
    workloads: outcomes,
    cost: cost.estimate,
    costUnavailable: cost.unavailable,
  };
}
