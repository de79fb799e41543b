import type { Plan, Step, StepProgress } from '@modeshift/core';
import { recordOf, type StepRecord } from './state-file.js';

/** What the operator sees: `waiting` is a step marked done while a step it depends on is still open. */
export type Effective = 'open' | 'done' | 'waiting' | 'skipped' | 'not-applicable';

export interface StepView {
  status: Effective;
  /** Dependencies that are not closed yet (empty unless `waiting`, or open with open dependencies). */
  openDependencies: string[];
  note?: string;
}

const CLOSED: ReadonlySet<Effective> = new Set(['done', 'skipped', 'not-applicable']);

export function isClosed(status: Effective): boolean {
  return CLOSED.has(status);
}

/**
 * Effective status of every step. A dependency counts as closed only if it is closed itself, so a chain of
 * steps marked done on top of one open step all show as waiting. Plans list dependencies before dependents;
 * the memo also covers any other order, and a cycle (which the planner never makes) reads as open.
 */
export function effectiveStatuses(plan: Plan, steps: Record<string, StepRecord>): Map<string, StepView> {
  const byId = new Map<string, Step>();
  for (const stage of plan.stages) for (const step of stage.steps) byId.set(step.id, step);
  const out = new Map<string, StepView>();
  const visiting = new Set<string>();

  const view = (id: string): StepView => {
    const known = out.get(id);
    if (known) return known;
    const step = byId.get(id);
    const record = recordOf(steps, id);
    if (!step || visiting.has(id)) return { status: 'open', openDependencies: [] };
    visiting.add(id);
    const openDependencies = step.dependsOn.filter((dep) => byId.has(dep) && !isClosed(view(dep).status));
    visiting.delete(id);
    const marked = record?.status ?? 'open';
    const status: Effective = marked === 'done' && openDependencies.length > 0 ? 'waiting' : marked;
    const result: StepView = { status, openDependencies, ...(record?.note ? { note: record.note } : {}) };
    out.set(id, result);
    return result;
  };

  for (const id of byId.keys()) view(id);
  return out;
}

export interface Counts {
  total: number;
  open: number;
  done: number;
  waiting: number;
  skipped: number;
  'not-applicable': number;
}

export function countStatuses(views: Iterable<StepView>): Counts {
  const counts: Counts = { total: 0, open: 0, done: 0, waiting: 0, skipped: 0, 'not-applicable': 0 };
  for (const v of views) {
    counts.total += 1;
    counts[v.status] += 1;
  }
  return counts;
}

/**
 * The progress for the Markdown export: what the operator closed. A step still waiting on a dependency is
 * exported as open, the same way the wizard shows it.
 */
export function markdownProgress(plan: Plan, steps: Record<string, StepRecord>): Record<string, StepProgress> {
  const views = effectiveStatuses(plan, steps);
  const out: Record<string, StepProgress> = {};
  for (const [id, v] of views) {
    if (v.status === 'open' || v.status === 'waiting') continue;
    out[id] = { status: v.status, ...(v.note ? { note: v.note } : {}) };
  }
  return out;
}
