// Shapes shared by the Fargate rules' findings.
import type { Workload } from '../inventory/types.js';
import { workloadRef } from './refs.js';
import type { FindingDraft, RuleContext } from '../rules/engine/types.js';
import { capacityName, stayOn } from './fargate-scope.js';

/** A blocker that keeps the workload on the EC2 capacity it runs on today. */
export function stayDraft(
  ctx: RuleContext,
  w: Workload,
  message: string,
  remediation: string,
  on: 'auto-mode' | 'managed-nodes' = stayOn(ctx, w),
  discriminator?: string,
): FindingDraft {
  return {
    severity: 'blocker',
    resource: workloadRef(w),
    message,
    remediation,
    // Keys in sorted order, as the plan JSON writes them (see refs.ts).
    action: { on, type: 'stay' },
    ...(discriminator ? { discriminator } : {}),
  };
}

/** The sentence every accelerator/platform blocker ends its remediation with. */
export function keepsCapacity(ctx: RuleContext, w: Workload, what: string): string {
  const on = stayOn(ctx, w);
  return on === 'auto-mode'
    ? `It stays on Auto Mode: keep ${what}, and the plan leaves Auto Mode enabled while anything runs there.`
    : `It stays on ${capacityName(on)}: keep ${what} when the rest of the cluster moves to Fargate.`;
}
