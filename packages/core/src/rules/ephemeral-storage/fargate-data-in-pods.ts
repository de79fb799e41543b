import { movingWorkloads } from '../../analysis/fargate-scope.js';
import type { Rule } from '../engine/types.js';
import { dataInPodsFindings } from '../../analysis/pod-local-data.js';

/** Workloads that move to Fargate keeping data their pods do not outlive (analysis/pod-local-data.ts). */
export const fargateDataInPodsRule: Rule = {
  id: 'fargate-data-in-pods',
  title: 'Data kept in pods',
  capability: 'ephemeral-storage',
  targets: ['fargate'],
  check: (ctx) => dataInPodsFindings(movingWorkloads(ctx)),
};
