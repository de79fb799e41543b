import { finishedRunDraft, finishedRuns } from '../../analysis/finished-runs.js';
import type { Rule } from '../engine/types.js';

/** A finished Job on EC2 capacity is not moved to Fargate: it is said to have finished and left alone. */
export const fargateFinishedJobsRule: Rule = {
  id: 'fargate-finished-jobs',
  capability: 'scheduling',
  targets: ['fargate'],
  check: (ctx) => finishedRuns(ctx).map((w) => finishedRunDraft(w, ctx)),
};
