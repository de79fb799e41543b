import type { Rule } from '../engine/types.js';
import { unreadPodFindings } from '../../analysis/unread-pods.js';

/** Custom resources keeping pods modeshift does not read: named, and decommission held back (plan/build-plan.ts). */
export const autoModeUnreadPodTemplatesRule: Rule = {
  id: 'auto-mode-unread-pod-templates',
  title: 'Pods of resources modeshift does not read',
  capability: 'scheduling',
  targets: ['auto-mode'],
  check: (ctx) => unreadPodFindings(ctx.inventory),
};
