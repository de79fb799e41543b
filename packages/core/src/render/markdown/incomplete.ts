import type { Context } from './context.js';
import { code, inline, tableRow } from './syntax.js';

/** What collect could not read, and the steps held back for it; nothing for a complete inventory. */
export function incompleteSection(ctx: Context): string[] {
  const { plan, anchors } = ctx;
  if (plan.incomplete.length === 0) return [];
  const lines = [
    anchors.heading(2, 'not-collected', 'Not collected'),
    '',
    'These could not be collected, or the workloads run on capacity the inventory does not show, so this plan sees only part of the cluster: its readiness is incomplete and its decommission steps are held back. Collect what is named here (with the access it needs), then plan again.',
    '',
    tableRow(['Kind', 'Namespace', 'Reason']),
    '|---|---|---|',
    ...plan.incomplete.map((e) => tableRow([inline(e.kind), e.namespace === null ? '(all)' : code(e.namespace), inline(e.reason)])),
  ];
  if (plan.heldBack.length > 0) {
    lines.push('', 'Held back until the inventory is complete:', '');
    for (const step of plan.heldBack) lines.push(`- ${inline(step.title)} (${code(step.id)})`);
  }
  return lines;
}
