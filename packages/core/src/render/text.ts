import { type Plan, SEVERITIES, type Severity } from '@modeshift/plan';
import { describeNotCollected } from '../plan/incomplete.js';
import { forTerminal as t } from './terminal.js';
import { MODE_NAMES } from './mode-names.js';
import { costSummary, describeRunTime, money, RUN_TIME_HOW, someOf } from '../cost/format.js';
import { hasSimulation, verdictLine } from '../simulate/verdict.js';
import { everyFindingLines, groupedFindingLines, type TextContext } from './text-findings.js';
import { stageLines } from './text-steps.js';
import { wrap, wrapList } from './wrap.js';

export interface TextOptions {
  color: boolean;
  /** Every finding on its own and every step in full, as before findings were grouped. */
  verbose?: boolean;
  /** Lines are wrapped to this many columns (the terminal's, else 100); commands are never broken. */
  width?: number;
}

/** The width when the output is not a terminal (a file, a pipe, a CI log). */
export const DEFAULT_TEXT_WIDTH = 100;

/** A per-namespace cost table (or list of run times) longer than this is left to --verbose, the JSON and the Markdown. */
const COST_ROWS = 12;

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

/** What an operator reads first: the summary, the findings one entry per rule, then the stages. */
export function renderText(plan: Plan, options: TextOptions = { color: false }): string {
  const parts: string[] = [];
  renderTextTo(plan, options, (text) => parts.push(text));
  return parts.join('');
}

/** Waves in order, then what stays and which rules keep it there. */
function movesAndStays(ctx: TextContext): void {
  const { plan, paint, width, push } = ctx;
  const waves = plan.stages.find((s) => s.id === 'waves')?.steps.filter((s) => s.kind === 'wave') ?? [];
  if (waves.length > 0)
    push(
      ...wrapList(
        waves.map((w) => t(w.namespaces.join('+') || w.id)),
        width,
        `waves: ${waves.length}, in order: `,
        '  ',
      ),
    );
  const staying = plan.workloads.filter((w) => w.outcome === 'stays');
  if (staying.length === 0) return;
  const byId = new Map(plan.findings.map((f) => [f.id, f]));
  const byRule = new Map<string, number>();
  for (const w of staying) {
    for (const rule of new Set(w.findings.map((id) => byId.get(id)?.rule ?? id))) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  push(`stays: ${staying.length} workload${staying.length === 1 ? '' : 's'} cannot run on ${MODE_NAMES[plan.to]} as they are and stay where they run:`);
  for (const [rule, count] of [...byRule].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))) {
    push(...wrap(`${count} · ${t(plan.rules[rule]?.title ?? rule)} ${paint('dim', `(${t(rule)})`)}`, width, '  '));
  }
}

/** The cost section: the per-namespace table when it is short (or with `verbose`), the assumptions. */
function costLines(ctx: TextContext, verbose: boolean): void {
  const { plan, paint, width, push } = ctx;
  const cost = plan.cost;
  if (!cost) return;
  push('', paint('bold', `Cost (monthly, ${cost.currency}, ${cost.prices.region} prices of ${cost.prices.asOf})`));
  if (verbose || cost.byNamespace.length <= COST_ROWS) {
    const nsWidth = Math.max(9, ...cost.byNamespace.map((n) => n.namespace.length));
    push(`  ${'namespace'.padEnd(nsWidth)}  ${'today'.padStart(12)}  ${'after'.padStart(12)}`);
    for (const n of cost.byNamespace) push(`  ${n.namespace.padEnd(nsWidth)}  ${money(n.source).padStart(12)}  ${money(n.target).padStart(12)}`);
  } else {
    push(paint('dim', `  ${cost.byNamespace.length} namespaces: --verbose, the JSON or the Markdown plan has the table`));
  }
  if (verbose || cost.runTimes.length <= COST_ROWS) {
    for (const r of cost.runTimes) push(...wrap(`${t(r.workload)} priced for ${t(describeRunTime(r))}`, width, '  ', '    '));
  } else {
    push(paint('dim', `  ${cost.runTimes.length} Jobs and CronJobs priced for the run time given: --verbose, the JSON or the Markdown plan names each`));
  }
  if (cost.withoutRunTime.length > 0)
    push(...wrap(`not priced for want of a run time: ${t(someOf(cost.withoutRunTime))}; ${RUN_TIME_HOW}`, width, '  ', '    '));
  if (cost.excluded.length > 0)
    push(paint('dim', `  not priced: ${cost.excluded.length} workload${cost.excluded.length === 1 ? '' : 's'} (see the JSON or Markdown plan for why)`));
  for (const a of cost.assumptions) push(...wrap(a, width, '  · ', '    ').map((l) => paint('dim', l)));
}

/**
 * The same text as renderText, handed to `write` in pieces: a large plan is never one string in memory.
 * Every value from the plan goes through `t` (forTerminal): the only escape sequences are the renderer's own colours.
 */
export function renderTextTo(plan: Plan, options: TextOptions, write: (text: string) => void): void {
  const paint = (style: keyof typeof CODES, text: string) => (options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
  const lines = new Lines(write);
  const width = Math.max(40, options.width ?? DEFAULT_TEXT_WIDTH);
  const verbose = options.verbose ?? false;
  const ctx: TextContext = { plan, paint, width, push: (...l) => lines.push(...l) };
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
  movesAndStays(ctx);
  lines.push(...wrap(costSummary(plan), width, 'compute cost: ', '  '));
  costLines(ctx, verbose);

  if (plan.incomplete.length > 0) {
    lines.push('', paint('bold', `Not collected (${plan.incomplete.length})`));
    for (const entry of plan.incomplete) lines.push(...wrap(t(describeNotCollected(entry)), width, '  ', '    '));
  }

  if (verbose) everyFindingLines(ctx);
  else groupedFindingLines(ctx);
  stageLines(ctx, verbose);
  lines.flush();
}
