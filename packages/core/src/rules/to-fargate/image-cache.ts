import type { Rule } from '../types.js';
import { anyMoving } from './scope.js';

/** Nodes reuse pulled images between pods; a Fargate pod gets a fresh VM (no cache is documented). */
export const fargateImageCache: Rule = {
  id: 'fargate-image-cache',
  capability: 'image-cache',
  targets: ['fargate'],
  check(ctx, row) {
    if (!anyMoving(ctx)) return [];
    return [
      {
        severity: 'advisory',
        resource: null,
        message: `On Auto Mode, a pod can reuse image layers already pulled to its node (ordinary kubelet behaviour); each Fargate pod starts on its own VM. ${row.summary} Plan for every pod start to pull its full image, which slows scale-out and restarts.`,
        remediation: 'Keep images small, pull them from Amazon ECR in the same Region (or through a pull-through cache), and size readiness timeouts and HPA scale-up for the longer start.',
        action: { type: 'review' },
      },
    ];
  },
};
