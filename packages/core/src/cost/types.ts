// The cost section is part of the plan contract: its types live in @modeshift/plan.
export type { CostEstimate, NamespaceCost, PlanCost, PoolPacking, RunTimeUsed, WaveCost } from '@modeshift/plan';
