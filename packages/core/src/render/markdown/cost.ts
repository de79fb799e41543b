// The change ticket's cost section: totals, a table and a bar chart per namespace, the waves, how
// the Auto Mode pools were packed, what was left out and every assumption.
import { change, costHeadline, describeRunTime, modeName, money, someOf } from '../../cost/format.js';
import { RUN_TIME_ANNOTATION } from '../../cost/run-time.js';
import type { CostEstimate } from '../../cost/types.js';
import type { Context } from './context.js';
import { groupInOrder } from '../../util/group-by.js';
import { code, fence, inline, plural, tableRow, url } from './syntax.js';

/** More bars than this read as noise: the chart shows the most expensive namespaces, the table all. */
const CHART_NAMESPACES = 20;
/** The per-wave table is left to the JSON when the waves are more than this (the namespace table says most of it). */
const WAVE_ROWS = 12;

function chartLabel(text: string): string {
  return `"${text.replace(/["\\]/g, '').replace(/[\r\n]+/g, ' ')}"`;
}

function chart(cost: CostEstimate): string[] {
  const top = [...cost.byNamespace]
    .sort((a, b) => Math.max(b.source, b.target) - Math.max(a.source, a.target) || (a.namespace < b.namespace ? -1 : 1))
    .slice(0, CHART_NAMESPACES);
  if (top.length === 0) return [];
  const shown = top.length < cost.byNamespace.length ? ` (the ${top.length} most expensive of ${cost.byNamespace.length})` : '';
  const max = Math.max(1, ...top.flatMap((n) => [n.source, n.target]));
  const lines = [
    'xychart-beta',
    `  title "Monthly compute by namespace, USD${shown.replace(/[()]/g, '')}"`,
    `  x-axis [${top.map((n) => chartLabel(n.namespace)).join(', ')}]`,
    `  y-axis "USD a month" 0 --> ${Math.ceil(max * 1.1)}`,
    `  bar [${top.map((n) => n.source.toFixed(2)).join(', ')}]`,
    `  bar [${top.map((n) => n.target.toFixed(2)).join(', ')}]`,
  ];
  return [
    `In each pair of bars, the first is today on ${modeName(cost.source.mode)}, the second on ${modeName(cost.target.mode)} after the move${shown}.`,
    '',
    ...fence('mermaid', lines.join('\n')),
    '',
  ];
}

export function costSection(ctx: Context): string[] {
  const { plan, anchors } = ctx;
  const heading = anchors.heading(2, 'cost', 'Cost');
  if (!plan.cost) return [heading, '', `Not estimated: ${inline(plan.costUnavailable ?? 'no prices were given')}.`];
  const cost = plan.cost;
  const lines = [
    heading,
    '',
    `Estimated monthly compute (${cost.currency}, ${code(cost.prices.region)} list prices of ${inline(cost.prices.asOf)}, ${cost.hoursPerMonth} hours): ${inline(costHeadline(cost))}.`,
    '',
    tableRow(['Namespace', `Today (${modeName(cost.source.mode)})`, `After (${modeName(cost.target.mode)})`, 'Change']),
    '|---|--:|--:|--:|',
    ...cost.byNamespace.map((n) => tableRow([code(n.namespace), money(n.source), money(n.target), change(n.source, n.target)])),
    tableRow([
      '**Total**',
      `**${money(cost.source.monthly)}**`,
      `**${money(cost.target.monthly)}**`,
      `**${change(cost.source.monthly, cost.target.monthly)}**`,
    ]),
    '',
    ...chart(cost),
  ];
  if (cost.byWave.length > 0 && cost.byWave.length <= WAVE_ROWS) {
    lines.push('Per wave (what each wave moves):', '', tableRow(['Wave', 'Namespaces', 'Today', 'After']), '|---|---|--:|--:|');
    for (const w of cost.byWave) lines.push(tableRow([code(w.step), w.namespaces.map(code).join(', '), money(w.source), money(w.target)]));
    lines.push('');
  } else if (cost.byWave.length > WAVE_ROWS) {
    lines.push(`Per wave: the plan JSON's ${code('cost.byWave')} has what each of the ${cost.byWave.length} waves moves.`, '');
  }
  if (cost.packing.length > 0) {
    lines.push(
      'How the Auto Mode pods were packed (the lower bound is the cheapest price per vCPU and per GiB the pool allows, times the requests; efficiency is cost ÷ lower bound):',
      '',
      tableRow(['Side', 'NodePool', 'Capacity', 'Nodes', 'Pods', 'Monthly', 'Lower bound', 'Efficiency']),
      '|---|---|---|---|--:|--:|--:|--:|',
    );
    for (const p of cost.packing) {
      const nodes = p.nodes.map((n) => `${n.count} × ${code(n.type)}`).join(', ');
      lines.push(
        tableRow([
          p.side === 'source' ? 'today' : 'after',
          code(p.pool),
          p.capacity,
          nodes,
          String(p.pods),
          money(p.monthly),
          money(p.lowerBound),
          `${p.efficiency.toFixed(2)}×`,
        ]),
      );
    }
    lines.push('');
  }
  if (cost.runTimes.length > 0) {
    lines.push('Jobs and CronJobs priced for the run time given:', '', tableRow(['Workload', 'Run time']), '|---|---|');
    for (const r of cost.runTimes) lines.push(tableRow([code(r.workload), inline(describeRunTime(r))]));
    lines.push('');
  }
  if (cost.withoutRunTime.length > 0) {
    lines.push(
      `Not priced for want of a run time: ${someOf(cost.withoutRunTime.map(code))}. To price them, give each a run time with ` +
        `${code('--job-hours <namespace>/<name>=<hours a month>')} (or runs × length, such as ${code('30x8m')}), or the annotation ` +
        `${code(RUN_TIME_ANNOTATION)} on the Job or CronJob.`,
      '',
    );
  }
  lines.push(...excludedTable(cost));
  lines.push(
    'Assumptions:',
    '',
    ...cost.assumptions.map((a) => `- ${inline(a)}`),
    '',
    'Price sources:',
    '',
    ...cost.prices.sources.map((s) => `- ${linkify(s)}`),
  );
  return lines;
}

/** Workloads named in a row of the "Not priced" table; the plan JSON's `cost.excluded` names every one. */
const EXCLUDED_NAMES = 20;

/**
 * What was left out, one row per reason: 40 CronJobs left out because their run time is unknown are one
 * row (their reasons differ only in the name each gives `--job-hours`, and the paragraph above says how).
 */
function excludedTable(cost: CostEstimate): string[] {
  if (cost.excluded.length === 0) return [];
  // One alone keeps its own reason, which says the --job-hours to give it.
  const withoutRunTime = new Set(cost.withoutRunTime.length > 1 ? cost.withoutRunTime : []);
  const byReason = groupInOrder(cost.excluded, (e) => (withoutRunTime.has(e.workload) ? 'its run time is not known (how to give one: see above)' : e.reason));
  const lines = [`Not priced: ${plural(cost.excluded.length, 'workload')}.`, '', tableRow(['Why', 'Workloads']), '|---|---|'];
  for (const [reason, list] of byReason)
    lines.push(
      tableRow([
        inline(reason),
        `${list.length}: ${someOf(
          list.map((e) => code(e.workload)),
          EXCLUDED_NAMES,
        )}`,
      ]),
    );
  if ([...byReason.values()].some((w) => w.length > EXCLUDED_NAMES)) lines.push('', `The plan JSON's ${code('cost.excluded')} names every one.`);
  return [...lines, ''];
}

/** Sources are prose with URLs in them: the URLs become links, the rest stays text. */
function linkify(text: string): string {
  return text
    .split(/(https:\/\/[^\s,;)]+)/)
    .map((part, i) => (i % 2 === 1 ? `<${url(part)}>` : inline(part)))
    .join('');
}
