// Money as people read it in a change ticket: "$1,312.13", and a change with its sign and share.
import type { Plan, SourceMode } from '@modeshift/plan';
import { MODE_NAMES } from '../render/mode-names.js';
import type { CostEstimate, RunTimeUsed } from './types.js';
import { RUN_TIME_ANNOTATION } from './run-time.js';

export function money(amount: number): string {
  const [whole = '0', frac = '00'] = Math.abs(amount).toFixed(2).split('.');
  return `${amount < 0 ? '−' : ''}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** "+$12.00 (+4.1 %)", "−$99.39 (−7.6 %)", "no change". */
export function change(from: number, to: number): string {
  const delta = Math.round((to - from) * 100) / 100;
  if (delta === 0) return 'no change';
  const sign = delta > 0 ? '+' : '−';
  const share = from > 0 ? ` (${sign}${((Math.abs(delta) / from) * 100).toFixed(1)} %)` : '';
  return `${sign}${money(Math.abs(delta))}${share}`;
}

/** A plan's source or target, named as every renderer names it. */
export const modeName = (mode: SourceMode) => MODE_NAMES[mode];

/** The one line every output leads its cost with. */
export function costHeadline(cost: CostEstimate): string {
  const spot = cost.target.monthlySpot !== undefined && cost.target.monthlySpot !== cost.target.monthly ? ` (${money(cost.target.monthlySpot)} with Spot)` : '';
  return `${modeName(cost.source.mode)} today ${money(cost.source.monthly)} a month → ${modeName(cost.target.mode)} after the move ${money(cost.target.monthly)}${spot}: ${change(cost.source.monthly, cost.target.monthly)}`;
}

/** Why a plan has no cost section, or its headline. */
export function costSummary(plan: Pick<Plan, 'cost' | 'costUnavailable'>): string {
  return plan.cost ? costHeadline(plan.cost) : `not estimated: ${plan.costUnavailable ?? 'no prices'}`;
}

/** "4 pod-hours a month (30 runs), from --job-hours": a run time as the operator gave it. */
export function describeRunTime(r: RunTimeUsed): string {
  const hours = `${Number(r.hoursPerMonth.toFixed(2))} pod-hour${r.hoursPerMonth === 1 ? '' : 's'} a month`;
  const runs = r.runs === null ? '' : ` (${r.runs} run${r.runs === 1 ? '' : 's'})`;
  return `${hours}${runs}, from ${r.from === 'option' ? '--job-hours' : `the annotation ${RUN_TIME_ANNOTATION}`}`;
}

/** Names in a sentence, the first `shown` of them, then how many more. */
export function someOf(names: readonly string[], shown = 10): string {
  return names.length <= shown ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/** How to give the Jobs and CronJobs that are not priced a run time. */
export const RUN_TIME_HOW = `give each a run time with --job-hours <namespace>/<name>=<hours a month> (or runs x length, such as 30x8m), or the annotation ${RUN_TIME_ANNOTATION} on the Job or CronJob`;
