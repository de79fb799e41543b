// The overview's picture of what the move costs: a pair of bars per namespace, today's and after the
// move's, on one scale, the most expensive namespaces first.
import { costSummary, money, RUN_TIME_ANNOTATION, someOf, type Plan } from '@modeshift/core/base';
import { truncate, wrap, type Line } from './text.js';

/** More rows than this crowd out the stages; the Markdown ticket has every namespace. */
const SHOWN = 8;

/** The one line under the counts: both totals and the change, or why there is no estimate. */
export function costHeadLine(plan: Plan): Line {
  return { text: `Monthly compute: ${costSummary(plan)}`, tone: plan.cost ? undefined : 'muted' };
}

/** The bars, under the stages; nothing when there is no estimate (the head line says why). */
export function costChart(plan: Plan, width: number): Line[] {
  const cost = plan.cost;
  if (!cost || cost.byNamespace.length === 0) return [];
  const rows = [...cost.byNamespace].sort((a, b) => Math.max(b.source, b.target) - Math.max(a.source, a.target) || (a.namespace < b.namespace ? -1 : 1));
  const shown = rows.slice(0, SHOWN);
  const max = Math.max(...shown.flatMap((r) => [r.source, r.target]), 0.01);
  const label = Math.min(Math.max(...shown.map((r) => r.namespace.length)), 20);
  const amount = Math.max(...shown.flatMap((r) => [money(r.source).length, money(r.target).length]));
  const room = Math.max(10, Math.min(40, width - label - amount - 12));
  const bar = (value: number, glyph: string) => glyph.repeat(Math.round((value / max) * room)).padEnd(room);
  const lines: Line[] = [
    { text: '' },
    {
      text: `Monthly compute by namespace (▒ today, █ after the move)${rows.length > SHOWN ? `, the ${SHOWN} most expensive of ${rows.length}` : ''}`,
      bold: true,
    },
  ];
  for (const r of shown) {
    const name = truncate(r.namespace, label).padEnd(label);
    lines.push({ text: `  ${name} ${bar(r.source, '▒')} ${money(r.source).padStart(amount)}` });
    lines.push({ text: `  ${' '.repeat(label)} ${bar(r.target, '█')} ${money(r.target).padStart(amount)}`, tone: r.target > r.source ? 'warn' : 'good' });
  }
  if (cost.withoutRunTime.length > 0) {
    const text = `Not priced for want of a run time: ${someOf(cost.withoutRunTime, 3)} (the annotation ${RUN_TIME_ANNOTATION}, or modeshift plan --job-hours, gives one)`;
    for (const row of wrap(text, width)) lines.push({ text: row, tone: 'muted' });
  }
  return lines;
}
