import type { Plan } from '@modeshift/plan';
import type { Simulation } from '../simulate/types.js';
import { verdictLine } from '../simulate/verdict.js';
import { code, inline, tableRow } from './markdown/syntax.js';
import { stableStringify } from './stable-json.js';

const TARGET: Record<Plan['to'], string> = { 'auto-mode': 'EKS Auto Mode', fargate: 'EKS on Fargate' };

function title(plan: Plan): string {
  return `${plan.cluster.name ?? 'unnamed cluster'}${plan.cluster.region ? ` (${plan.cluster.region})` : ''}, from ${plan.from} to ${TARGET[plan.to]}`;
}

/** The replay for people: each step, what it changed, and every invariant it broke. */
export function renderSimulationText(plan: Plan, sim: Simulation): string {
  const lines = [`modeshift simulate: ${title(plan)}`, `verdict: ${verdictLine(sim)}`, `steps replayed: ${sim.steps.length}`, ''];
  sim.steps.forEach((step, i) => {
    lines.push(`${i + 1}. ${step.title} [${step.step}]`);
    for (const change of step.changes) lines.push(`   changes: ${change}`);
    if (step.changes.length === 0) lines.push('   changes nothing in the cluster');
    for (const v of step.violations) {
      lines.push(`   BROKEN ${v.invariant}: ${v.resource}: ${v.breaks}`);
      lines.push(`     because ${v.because}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

/** The replay as a change ticket's section: the verdict, the broken invariants, then the steps. */
export function renderSimulationMarkdown(plan: Plan, sim: Simulation): string {
  const lines = [`# Simulation: ${inline(title(plan))}`, '', `**Verdict**: ${inline(verdictLine(sim))}`, ''];
  if (sim.violations.length > 0) {
    lines.push('## Broken invariants', '', tableRow(['Step', 'Invariant', 'Resource', 'What breaks', 'Why']), '|---|---|---|---|---|');
    for (const v of sim.violations) lines.push(tableRow([code(v.step), code(v.invariant), code(v.resource), inline(v.breaks), inline(v.because)]));
    lines.push('');
  }
  lines.push('## Steps', '');
  sim.steps.forEach((step, i) => {
    const broken = step.violations.length;
    lines.push(`${i + 1}. ${inline(step.title)} (${code(step.step)})${broken ? `: **${broken} broken**` : ''}`);
    for (const change of step.changes) lines.push(`   - ${inline(change)}`);
  });
  return `${lines.join('\n')}\n`;
}

/** The replay for scripts: sorted keys, as the plan JSON. */
export function renderSimulationJson(plan: Plan, sim: Simulation): string {
  return `${stableStringify({ cluster: plan.cluster, from: plan.from, to: plan.to, verdict: sim.verdict, violations: sim.violations, steps: sim.steps })}\n`;
}
