import type { Plan } from '../plan/types.js';
import { stableStringify } from './stable-json.js';

/** The contract's plan JSON: sorted keys, two-space indent, trailing newline. */
export function renderJson(plan: Plan): string {
  return `${stableStringify(plan)}\n`;
}
