// Money as people read it in a change ticket: "$1,312.13", and a change with its sign and share.
import type { Plan } from '../plan/types.js';
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

const MODE: Record<string, string> = { fargate: 'Fargate', 'auto-mode': 'Auto Mode', mixed: 'mixed compute', 'managed-nodes': 'managed nodes', unknown: 'its current compute' };

export const modeName = (mode: string) => MODE[mode] ?? mode;

/** The one line every output leads its cost with. */
export function costHeadline(cost: CostEstimate): string {
  const spot = cost.target.monthlySpot !== undefined && cost.target.monthlySpot !== cost.target.monthly ? ` (${money(cost.target.monthlySpot)} with Spot)` : '';
  return `today on ${modeName(cost.source.mode)} ${money(cost.source.monthly)} a month → on ${modeName(cost.target.mode)} ${money(cost.target.monthly)}${spot}: ${change(cost.source.monthly, cost.target.monthly)}`;
}

/** Why a plan has no cost section, or its headline. */
export function costSummary(plan: Pick<Plan, 'cost' | 'costUnavailable'>): string {
  return plan.cost ? costHeadline(plan.cost) : `not estimated: ${plan.costUnavailable ?? 'no prices'}`;
}
