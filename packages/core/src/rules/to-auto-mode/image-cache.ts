import { SOURCES } from '../../capabilities/sources.js';
import type { Rule } from '../types.js';
import { currentType, movers } from './common.js';

/**
 * Each Fargate pod gets a fresh VM; on Auto Mode pods share nodes, so image layers stay on a node
 * between pods. AWS states neither side for EKS (aws-facts §2 image row, §10): worded as likely.
 */
export const imageCacheOnAutoMode: Rule = {
  id: 'auto-mode-image-cache',
  capability: 'image-cache',
  targets: ['auto-mode'],
  check(ctx) {
    if (!movers(ctx).some((w) => currentType(ctx, w) === 'fargate')) return [];
    return [
      {
        severity: 'gain',
        resource: null,
        message: 'Pods moving from Fargate will share Auto Mode nodes, where image layers already pulled by other pods are normally reused, so starts and scale-outs are likely faster than on Fargate.',
        remediation: 'Nothing to do; large images gain the most. AWS documents no image cache for EKS on Fargate, so measure pull times before and after if they matter to you.',
        sources: [SOURCES.ecsFargatePull],
        action: { type: 'review' },
      },
    ];
  },
};
