import { finishedRunDraft, finishedRuns } from '../../analysis/finished-runs.js';
import type { Rule } from '../engine/types.js';

/** A finished Job on Fargate is not moved to Auto Mode: it is said to have finished and left alone. */
export const autoModeFinishedJobsRule: Rule = {
  id: 'auto-mode-finished-jobs',
  capability: 'scheduling',
  targets: ['auto-mode'],
  check: (ctx) => finishedRuns(ctx).map((w) => finishedRunDraft(w, ctx)),
};
