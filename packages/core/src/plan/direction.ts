import { computePlacement } from '../placement/place.js';
import { whyFargateCannotRun } from '../analysis/fargate-rejection.js';
import { InventoryIndex } from '../inventory/index-lookups.js';
import type { SourceMode } from '../placement/types.js';
import type { Inventory } from '../inventory/types.js';
import type { Mode } from '@modeshift/plan';

/** Where an inventory's workloads run today, and the move that suggests. */
export interface DetectedDirection {
  /** Where the workloads run today, over all of them. */
  from: SourceMode;
  /** Workloads per compute type they run on today (fargate, auto-mode, managed-nodes, pending). */
  byCompute: Record<string, number>;
  /** The other mode than today's; Auto Mode when today's is neither. */
  suggested: Mode;
}

/** The direction a plan of this inventory most likely wants: what the wizard offers and `wizard` without a terminal plans. */
export function detectDirection(inventory: Inventory): DetectedDirection {
  // Where workloads run today does not depend on the target; the target only shapes where they would go.
  const index = new InventoryIndex(inventory);
  const placement = computePlacement(inventory, 'auto-mode', (w) => whyFargateCannotRun(index, w));
  const byCompute: Record<string, number> = {};
  for (const p of placement.workloads.values()) byCompute[p.current.type] = (byCompute[p.current.type] ?? 0) + 1;
  return { from: placement.from, byCompute, suggested: placement.from === 'auto-mode' ? 'fargate' : 'auto-mode' };
}
