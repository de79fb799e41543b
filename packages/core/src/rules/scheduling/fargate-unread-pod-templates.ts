import type { Rule } from '../engine/types.js';
import { unreadPodFindings } from '../../analysis/unread-pods.js';

/** Custom resources keeping pods modeshift does not read: named, and decommission held back (plan/build-plan.ts). */
export const fargateUnreadPodTemplatesRule: Rule = {
  id: 'fargate-unread-pod-templates',
  title: 'Pods of resources modeshift does not read',
  capability: 'scheduling',
  targets: ['fargate'],
  check: (ctx) => unreadPodFindings(ctx.inventory),
};
