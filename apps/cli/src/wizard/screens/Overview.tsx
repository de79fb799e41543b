import { hasSimulation, verdictLine, type Plan } from '@modeshift/core/base';
import { ScrollBox } from '../components/ScrollBox.js';
import type { Size } from '../deps.js';
import { movement, scrollBy, type KeyEvent } from '../keys.js';
import { bodyHeight, scrollMax } from '../layout.js';
import type { WizardModel } from '../model.js';
import { countStatuses, isClosed, type StepView } from '../progress.js';
import { truncate, wrap, type Line, type Tone } from '../text.js';
import { COMPUTE } from './Direction.js';
import { costChart, costHeadLine } from '../cost-chart.js';

const READINESS: Record<Plan['summary']['readiness'], [string, Tone]> = {
  ready: ['READY: nothing blocks the move', 'good'],
  'ready-with-changes': ['READY WITH CHANGES: follow the plan', 'warn'],
  blocked: ['BLOCKED: some workloads cannot move and stay where they run', 'bad'],
  incomplete: ['INCOMPLETE: part of the cluster could not be collected; decommission is held back', 'bad'],
};

/** One row per stage: the whole stage name, then a bar of the same length for every stage, filled as far as it is closed. */
function stageChart(plan: Plan, views: Map<string, StepView>, width: number): Line[] {
  const counts = Math.max(...plan.stages.map((s) => `${s.steps.length}/${s.steps.length}`.length));
  const room = Math.max(10, Math.min(30, width - 40));
  const label = Math.min(Math.max(...plan.stages.map((s) => s.title.length)), Math.max(12, width - room - counts - 8));
  return plan.stages.map((stage, i) => {
    const closed = stage.steps.filter((s) => isClosed(views.get(s.id)?.status ?? 'open')).length;
    const total = stage.steps.length;
    const filled = total === 0 ? 0 : Math.round((closed / total) * room);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(room - filled)}`;
    const tone: Tone = total > 0 && closed === total ? 'good' : 'accent';
    return { text: `  ${i + 1} ${truncate(stage.title, label).padEnd(label)} ${bar} ${closed}/${total}`, tone };
  });
}

const sectionsCache = new WeakMap<Plan, { width: number; lines: Line[] }>();

/** Workloads by outcome: most of the overview on a large plan, so built once per plan and width, not per key. */
function workloadSections(plan: Plan, width: number): Line[] {
  const hit = sectionsCache.get(plan);
  if (hit && hit.width === width) return hit.lines;
  const out: Line[] = [];
  for (const [outcome, title, t] of [
    ['stays', 'Stay', 'bad'],
    ['moves', 'Move', 'good'],
    ['starts', 'Start (not running today)', 'good'],
    ['unchanged', 'Unchanged', 'muted'],
  ] as const) {
    const list = plan.workloads.filter((w) => w.outcome === outcome);
    if (list.length === 0) continue;
    out.push({ text: '' }, { text: `${title} (${list.length})`, bold: true, tone: t });
    for (const w of list) {
      // A workload the inventory places nowhere ("nowhere: no Fargate profile selects it") does not "stay on" it.
      const where =
        outcome === 'moves'
          ? `${w.from} → ${w.to}`
          : outcome === 'starts'
            ? `starts on ${w.to}; runs ${w.from}`
            : w.from.startsWith('nowhere')
              ? `runs ${w.from}`
              : `stays on ${w.from}`;
      const why = w.findings.length ? ` (${w.findings.length === 1 ? '1 finding' : `${w.findings.length} findings`})` : '';
      for (const text of wrap(`${w.workload}: ${where}${why}`, width, '  ')) out.push({ text });
    }
  }
  out.push({ text: '' }, { text: 'Enter or Tab: the findings · 5: the walk-through · ? help', tone: 'muted' });
  sectionsCache.set(plan, { width, lines: out });
  return out;
}

export function overviewLines(m: WizardModel, width: number): Line[] {
  const plan = m.plan!;
  const { summary, cluster } = plan;
  const [verdict, tone] = READINESS[summary.readiness];
  const counts = countStatuses(m.views.values());
  const sev = summary.bySeverity;
  const head: Line[] = [
    { text: `${cluster.name ?? 'unnamed cluster'}${cluster.region ? ` (${cluster.region})` : ''} · Kubernetes ${cluster.version ?? 'unknown'}`, bold: true },
    { text: `${COMPUTE[plan.from]} → ${COMPUTE[plan.to]} · inventory ${plan.inventoryDate ? `of ${plan.inventoryDate}` : 'date not recorded'}` },
    { text: `Readiness: ${verdict}`, tone, bold: true },
    ...(plan.incomplete.length > 0
      ? [
          {
            text: `Not collected: ${plan.incomplete.map((e) => `${e.kind}${e.namespace === null ? '' : ` in namespace ${e.namespace}`} (${e.reason})`).join(', ')}`,
            tone: 'bad' as const,
          },
        ]
      : []),
    ...(hasSimulation(plan)
      ? [{ text: `Simulation: ${verdictLine(plan.simulation)}`, tone: plan.simulation.verdict === 'holds' ? undefined : ('bad' as const) }]
      : []),
    {
      text: `Findings: ${sev.blocker} blocker · ${sev.change} change · ${sev.advisory} advisory · ${sev.gain} gain`,
      tone: sev.blocker > 0 ? 'bad' : undefined,
    },
    {
      text: `Workloads: ${summary.workloads.total} · ${summary.workloads.moving} move · ${summary.workloads.starting > 0 ? `${summary.workloads.starting} start · ` : ''}${summary.workloads.staying} stay · ${summary.workloads.unchanged} unchanged`,
    },
    costHeadLine(plan),
    {
      text: `Progress: ${counts.done + counts.skipped + counts['not-applicable']}/${counts.total} steps closed · ${counts.done} done · ${counts.skipped} skipped · ${counts['not-applicable']} n/a${counts.waiting ? ` · ${counts.waiting} waiting on earlier steps` : ''}`,
      tone: 'accent',
    },
    { text: '' },
    { text: 'Steps by stage (█ closed, ░ open)', bold: true },
    ...stageChart(plan, m.views, width),
    ...costChart(plan, width),
  ];
  return head.concat(workloadSections(plan, width));
}

export function overviewKeys(m: WizardModel, ev: KeyEvent, size: Size): boolean {
  const height = bodyHeight(size);
  const delta = movement(ev, height);
  if (delta !== null) {
    const max = scrollMax(overviewLines(m, size.columns).length, height);
    m.overviewScroll = scrollBy(m.overviewScroll, delta, max);
    return true;
  }
  if (ev.name === 'enter') {
    m.goto('findings');
    return true;
  }
  return false;
}

export function Overview({ m, size }: { m: WizardModel; size: Size }) {
  return <ScrollBox lines={overviewLines(m, size.columns)} offset={m.overviewScroll} height={bodyHeight(size)} width={size.columns} />;
}
