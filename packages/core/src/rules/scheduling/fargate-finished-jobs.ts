import { finishedRunDraft, finishedRuns } from '../../analysis/finished-runs.js';
import type { Rule } from '../engine/types.js';

/**
 * A Job on EC2 capacity is never moved to Fargate: re-creating it would run it again. A finished one is said to
 * have finished and left alone; one whose completion the inventory does not show is a change to
 * review, and the plan waits for it to finish before removing the capacity it runs on.
 */
export const fargateFinishedJobsRule: Rule = {
  id: 'fargate-finished-jobs',
  title: 'One-off Jobs',
  capability: 'scheduling',
  targets: ['fargate'],
  check: (ctx) => finishedRuns(ctx).map((w) => finishedRunDraft(w, ctx)),
};
