import { SEVERITIES, type Finding, type Severity } from '../findings/types.js';
import type { Plan } from '../plan/types.js';
import { resourceKey } from '../rules/run.js';
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
};

const TARGET: Record<Plan['to'], string> = { 'auto-mode': 'EKS Auto Mode', fargate: 'EKS on Fargate' };

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

/** The same text as renderText, handed to `write` in pieces: a large plan is never one string in memory. */
export function renderTextTo(plan: Plan, options: TextOptions, write: (text: string) => void): void {
  const paint = (style: keyof typeof CODES, text: string) => (options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
  const lines = new Lines(write);
  const c = plan.cluster;
  lines.push(paint('bold', `modeshift plan: ${c.name ?? 'unnamed cluster'}${c.region ? ` (${c.region})` : ''}, Kubernetes ${c.version ?? 'unknown'}`));
  lines.push(`from ${plan.from} to ${TARGET[plan.to]}`);
  lines.push(`inventory date: ${plan.inventoryDate ?? 'not recorded'}`);
  lines.push(`readiness: ${paint(plan.summary.readiness === 'blocked' ? 'blocker' : plan.summary.readiness === 'ready' ? 'gain' : 'change', READINESS[plan.summary.readiness])}`);
  if (hasSimulation(plan)) lines.push(`simulation: ${paint(plan.simulation.verdict === 'holds' ? 'gain' : 'blocker', verdictLine(plan.simulation))}`);
  lines.push(`findings: ${SEVERITIES.map((s) => paint(s, `${plan.summary.bySeverity[s]} ${s}`)).join(', ')}`);
  const w = plan.summary.workloads;
  lines.push(`workloads: ${w.total} total, ${w.moving} move, ${w.staying} stay, ${w.unchanged} unchanged`);

  const bySeverity = new Map<Severity, Finding[]>(SEVERITIES.map((s) => [s, []]));
  for (const f of plan.findings) bySeverity.get(f.severity)!.push(f);
  for (const severity of ['blocker', 'change'] as const) {
    const list = bySeverity.get(severity)!;
    if (list.length === 0) continue;
    lines.push('', paint('bold', `${severity === 'blocker' ? 'Blockers' : 'Changes'} (${list.length})`));
    for (const f of list) {
      lines.push(`  ${paint(severity, severity.toUpperCase())} ${f.resource ? resourceKey(f.resource) : 'cluster'} [${f.capability}]`);
      lines.push(`    ${f.message}`);
      lines.push(`    → ${f.remediation}`);
    }
  }
  const rest = [...bySeverity.get('advisory')!, ...bySeverity.get('gain')!];
  if (rest.length > 0) {
    lines.push('', paint('bold', `Advisories and gains (${rest.length})`));
    for (const f of rest) lines.push(`  ${paint(f.severity, f.severity)} ${f.resource ? resourceKey(f.resource) : 'cluster'}: ${f.message}`);
  }

  lines.push('', paint('bold', 'Plan'));
  plan.stages.forEach((stage, i) => {
    lines.push('', paint('bold', `${i + 1}. ${stage.title}`) + (stage.steps.length === 0 ? paint('dim', ' (nothing to do)') : ''));
    for (const step of stage.steps) {
      lines.push(`  - ${step.title} ${paint('dim', `[${step.id}]`)}`);
      lines.push(`    why: ${step.why}`);
      if (step.dependsOn.length) lines.push(paint('dim', `    after: ${step.dependsOn.join(', ')}`));
      for (const cmd of step.commands) lines.push(`    $ ${cmd}`);
      for (const m of step.manifests) lines.push(`    manifest: ${m.file}`);
      if (step.verify.command) lines.push(`    verify: ${step.verify.command}  → ${step.verify.expect}`);
      else if (step.verify.expect) lines.push(`    verify: ${step.verify.expect}`);
      if (step.rollback.commands.length) lines.push(`    rollback: ${step.rollback.description} ${step.rollback.commands.map((r) => `$ ${r}`).join('; ')}`);
    }
  });
  lines.flush();
}
