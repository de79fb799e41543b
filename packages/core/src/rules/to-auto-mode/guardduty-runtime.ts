import type { Rule } from '../types.js';
import { currentType, movers } from './common.js';

/** GuardDuty Runtime Monitoring covers Auto Mode but not Fargate pods (aws-facts §2 GuardDuty row). */
export const guardDutyRuntimeOnAutoMode: Rule = {
  id: 'auto-mode-guardduty-runtime',
  capability: 'guardduty-runtime',
  targets: ['auto-mode'],
  check(ctx) {
    if (!movers(ctx).some((w) => currentType(ctx, w) === 'fargate')) return [];
    return [
      {
        severity: 'gain',
        resource: null,
        message: 'GuardDuty Runtime Monitoring does not cover pods on Fargate; once they run on Auto Mode it can.',
        remediation: 'Consider enabling GuardDuty EKS Runtime Monitoring for the cluster after the move.',
        action: { type: 'review' },
      },
    ];
  },
};
