import { type Finding, type Plan, SEVERITIES, type Severity } from '@modeshift/plan';
import { resourceKey } from '../rules/engine/run.js';
import { describeNotCollected } from '../plan/incomplete.js';
import { forTerminal as t } from './terminal.js';
import { MODE_NAMES } from './mode-names.js';
import { costSummary, describeRunTime, money, RUN_TIME_HOW, someOf } from '../cost/format.js';
import { hasSimulation, verdictLine } from '../simulate/verdict.js';

export interface TextOptions {
  color: boolean;
}

const CODES: Record<Severity | 'bold' | 'dim', [number, number]> = {
  blocker: [31, 39],
  change: [33, 39],
  advisory: [36, 39],
  gain: [32, 39],
  bold: [1, 22],
  dim: [2, 22],
};

const READINESS: Record<Plan['summary']['readiness'], string> = {
  ready: 'ready: nothing must change before the move',
  'ready-with-changes': 'ready with changes: follow the plan below',
  blocked: 'blocked: some workloads cannot move as they are (see blockers)',
  incomplete: 'incomplete: part of the cluster could not be read or is not in the inventory; collect what is named below',
};

const READINESS_STYLE: Record<Plan['summary']['readiness'], Severity> = {
  ready: 'gain',
  'ready-with-changes': 'change',
  blocked: 'blocker',
  incomplete: 'blocker',
};

/**
 * Lines handed on in pieces of about 32 KiB as they come. A plan of 20,000 workloads has ~400,000
 * lines; held until a single join at the end, they all outlived several garbage collections, and
 * the renderer's cost per workload grew with the size of the plan.
 */
class Lines {
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void) {}

  push(...lines: string[]): void {
    for (const line of lines) {
      this.pending.push(line);
      this.size += line.length + 1;
    }
    if (this.size >= 1 << 15) this.flush();
  }

  /** Everything pushed so far, each line ending in a newline. */
  flush(): void {
    if (this.pending.length === 0) return;
    // The empty last item gives the last line its newline without a second copy of the piece.
    this.pending.push('');
    this.write(this.pending.join('\n'));
    this.pending = [];
    this.size = 0;
  }
}

/** What an operator reads first: summary, blockers, then the staged plan. */
export function renderText(plan: Plan, options: TextOptions = { color: false }): string {
  const parts: string[] = [];
  renderTextTo(plan, options, (text) => parts.push(text));
  return parts.join('');
}

/**
 * The same text as renderText, handed to `write` in pieces: a large plan is never one string in memory.
 * Every value from the plan goes through `t` (forTerminal): the only escape sequences are the renderer's own colours.
 */
export function renderTextTo(plan: Plan, options: TextOptions, write: (text: string) => void): void {
  const paint = (style: keyof typeof CODES, text: string) => (options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
  const lines = new Lines(write);
  const c = plan.cluster;
  lines.push(paint('bold', `modeshift plan: ${t(c.name ?? 'unnamed cluster')}${c.region ? ` (${t(c.region)})` : ''}, Kubernetes ${t(c.version ?? 'unknown')}`));
  lines.push(`from ${MODE_NAMES[plan.from]} to ${MODE_NAMES[plan.to]}`);
  lines.push(`inventory date: ${t(plan.inventoryDate ?? 'not recorded')}`);
  lines.push(`readiness: ${paint(READINESS_STYLE[plan.summary.readiness], READINESS[plan.summary.readiness])}`);
  if (hasSimulation(plan)) lines.push(`simulation: ${paint(plan.simulation.verdict === 'holds' ? 'gain' : 'blocker', verdictLine(plan.simulation))}`);
  lines.push(`findings: ${SEVERITIES.map((s) => paint(s, `${plan.summary.bySeverity[s]} ${s}`)).join(', ')}`);
  const w = plan.summary.workloads;
  lines.push(
    `workloads: ${w.total} total, ${w.moving} move, ${w.starting > 0 ? `${w.starting} start (they do not run today), ` : ''}${w.staying} stay, ${w.unchanged} unchanged`,
  );
  lines.push(`compute cost: ${costSummary(plan)}`);
  if (plan.cost) {
    const cost = plan.cost;
    lines.push('', paint('bold', `Cost (monthly, ${cost.currency}, ${cost.prices.region} prices of ${cost.prices.asOf})`));
    const width = Math.max(9, ...cost.byNamespace.map((n) => n.namespace.length));
    lines.push(`  ${'namespace'.padEnd(width)}  ${'today'.padStart(12)}  ${'after'.padStart(12)}`);
    for (const n of cost.byNamespace) lines.push(`  ${n.namespace.padEnd(width)}  ${money(n.source).padStart(12)}  ${money(n.target).padStart(12)}`);
    for (const r of cost.runTimes) lines.push(`  ${t(r.workload)} priced for ${t(describeRunTime(r))}`);
    if (cost.withoutRunTime.length > 0) lines.push(`  not priced for want of a run time: ${t(someOf(cost.withoutRunTime))}; ${RUN_TIME_HOW}`);
    if (cost.excluded.length > 0)
      lines.push(
        paint('dim', `  not priced: ${cost.excluded.length} workload${cost.excluded.length === 1 ? '' : 's'} (see the JSON or Markdown plan for why)`),
      );
    for (const a of cost.assumptions) lines.push(paint('dim', `  · ${a}`));
  }

  if (plan.incomplete.length > 0) {
    lines.push('', paint('bold', `Not collected (${plan.incomplete.length})`));
    for (const entry of plan.incomplete) lines.push(`  ${describeNotCollected(entry)}`);
  }

  const bySeverity = new Map<Severity, Finding[]>(SEVERITIES.map((s) => [s, []]));
  for (const f of plan.findings) bySeverity.get(f.severity)!.push(f);
  for (const severity of ['blocker', 'change'] as const) {
    const list = bySeverity.get(severity)!;
    if (list.length === 0) continue;
    lines.push('', paint('bold', `${severity === 'blocker' ? 'Blockers' : 'Changes'} (${list.length})`));
    for (const f of list) {
      lines.push(`  ${paint(severity, severity.toUpperCase())} ${f.resource ? t(resourceKey(f.resource)) : 'cluster'} [${f.capability}]`);
      lines.push(`    ${t(f.message)}`);
      lines.push(`    → ${t(f.remediation)}`);
    }
  }
  const rest = [...bySeverity.get('advisory')!, ...bySeverity.get('gain')!];
  if (rest.length > 0) {
    lines.push('', paint('bold', `Advisories and gains (${rest.length})`));
    for (const f of rest) lines.push(`  ${paint(f.severity, f.severity)} ${f.resource ? t(resourceKey(f.resource)) : 'cluster'}: ${t(f.message)}`);
  }

  lines.push('', paint('bold', 'Plan'));
  plan.stages.forEach((stage, i) => {
    const held = plan.heldBack.filter((h) => h.id.startsWith(`${stage.id}/`));
    lines.push('', paint('bold', `${i + 1}. ${t(stage.title)}`) + (stage.steps.length === 0 && held.length === 0 ? paint('dim', ' (nothing to do)') : ''));
    for (const step of held) {
      lines.push(`  - held back: ${t(step.title)} ${paint('dim', `[${step.id}]`)}`);
      lines.push(`    why: ${t(step.reason)}`);
    }
    for (const step of stage.steps) {
      lines.push(`  - ${t(step.title)} ${paint('dim', `[${t(step.id)}]`)}`);
      lines.push(`    why: ${t(step.why)}`);
      if (step.dependsOn.length) lines.push(paint('dim', `    after: ${t(step.dependsOn.join(', '))}`));
      for (const cmd of step.commands) lines.push(`    $ ${t(cmd)}`);
      for (const m of step.manifests) lines.push(`    manifest: ${t(m.file)}`);
      if (step.verify.command) lines.push(`    verify: ${t(step.verify.command)}  → ${t(step.verify.expect)}`);
      else if (step.verify.expect) lines.push(`    verify: ${t(step.verify.expect)}`);
      if (step.rollback.commands.length)
        lines.push(`    rollback: ${t(step.rollback.description)} ${t(step.rollback.commands.map((r) => `$ ${r}`).join('; '))}`);
    }
  });
  lines.flush();
}
