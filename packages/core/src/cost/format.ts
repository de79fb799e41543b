// Money as people read it in a change ticket: "$1,312.13", and a change with its sign and share.
import type { Plan, SourceMode } from '@modeshift/plan';
import { MODE_NAMES } from '../render/mode-names.js';
import type { CostEstimate } from './types.js';

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
