import type { Rule } from '../types.js';
import { anyMoving } from './scope.js';

/** Reserved Instances and capacity reservations do not apply to Fargate; only Compute Savings Plans do. */
export const fargatePricingCommitments: Rule = {
  id: 'fargate-pricing-commitments',
  capability: 'pricing-commitments',
  targets: ['fargate'],
  check(ctx, row) {
    if (!anyMoving(ctx)) return [];
    return [
      {
        severity: 'advisory',
        resource: null,
        message: `Auto Mode instances can use Reserved Instances, EC2 Instance Savings Plans and capacity reservations; Fargate cannot. ${row.condition ?? row.summary}`,
        remediation: 'Check which commitments cover this cluster today: Compute Savings Plans carry over to Fargate, while Reserved Instances, EC2 Instance Savings Plans and capacity reservations stay with EC2 and may go unused after the move.',
        action: { type: 'review' },
      },
    ];
  },
};
