import type { NotCollected } from '../inventory/types.js';
import type { HeldBackStep, Step } from '@modeshift/plan';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The inventory's not-collected entries in a stable order, so the plan does not depend on file order. */
export function incompleteEntries(notCollected: readonly NotCollected[]): NotCollected[] {
  return [...notCollected].sort((a, b) => byText(a.kind, b.kind) || byText(a.namespace ?? '', b.namespace ?? '') || byText(a.reason, b.reason));
}

/** "Deployment: forbidden", "Deployment in namespace shop: forbidden": how the outputs name an entry. */
export function describeNotCollected(entry: NotCollected): string {
  return `${entry.kind}${entry.namespace === null ? '' : ` in namespace ${entry.namespace}`}: ${entry.reason}`;
}

/**
 * Decommission deletes what the source mode runs on. Planned from an inventory with gaps, it could
 * delete capacity that workloads nobody could see still use, so its steps are held back, with the
 * reason, until a complete collect.
 */
export function holdBack(steps: readonly Step[], incomplete: readonly NotCollected[]): HeldBackStep[] {
  if (incomplete.length === 0) return [];
  const shown = incomplete.slice(0, 3).map(describeNotCollected).join('; ');
  const more = incomplete.length > 3 ? `; and ${incomplete.length - 3} more` : '';
  const reason = `the inventory is incomplete (${shown}${more}): what still runs on the source is not known; collect what it names and plan again`;
  return steps.map((step) => ({ id: step.id, title: step.title, reason }));
}
