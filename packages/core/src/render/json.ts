import type { Plan } from '@modeshift/plan';
import { stableStringify, stableStringifyTo } from './stable-json.js';

/** The contract's plan JSON: sorted keys, two-space indent, trailing newline. */
export function renderJson(plan: Plan): string {
  return `${stableStringify(plan)}\n`;
}

/** The same bytes as renderJson, handed to `write` in pieces: a large plan is never one string in memory. */
export function renderJsonTo(plan: Plan, write: (chunk: string) => void): void {
  stableStringifyTo(plan, write);
  write('\n');
}
