import type { SourceMode } from '@modeshift/plan';

/** Where a workload's pods run (today) or would run (on the target). */
export type Compute =
  | { type: 'fargate'; profile: string }
  | { type: 'auto-mode'; nodePool: string }
  | { type: 'managed-nodes'; nodegroup: string | null }
  /** `fargateProfile`: a Fargate profile selects the pods, but Fargate cannot run them (they stay Pending there). */
  | { type: 'pending'; reason: string; fargateProfile?: string };

/** The plan's `from`: the plan contract's. */
export type { SourceMode };

export interface WorkloadPlacement {
  workload: string;
  current: Compute;
  /** Where it would run once moved to the target mode (before any change the plan makes). */
  target: Compute;
}

export interface Placement {
  /** Keyed by Workload.key; insertion order follows the inventory's sorted workload order. */
  workloads: Map<string, WorkloadPlacement>;
  /** Summarises `current` over all workloads: the plan's `from`. */
  from: SourceMode;
}
