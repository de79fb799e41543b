import type { Rule } from '../types.js';
import { anyMoving, daemonSets } from './scope.js';

/** GuardDuty Runtime Monitoring covers EC2 and Auto Mode nodes, not Fargate pods on EKS. */
export const fargateGuardDutyRuntime: Rule = {
  id: 'fargate-guardduty-runtime',
  capability: 'guardduty-runtime',
  targets: ['fargate'],
  check(ctx, row) {
    if (!anyMoving(ctx)) return [];
    const agent = daemonSets(ctx).find((w) => /guardduty/i.test(w.metadata.name) || /guardduty/i.test(w.metadata.namespace));
    return [
      {
        severity: 'advisory',
        resource: null,
        message: `${agent ? `GuardDuty's runtime agent runs here (DaemonSet ${agent.metadata.namespace}/${agent.metadata.name}). ` : 'If GuardDuty Runtime Monitoring is enabled for this cluster, '}${agent ? 'Pods' : 'pods'} that move to Fargate lose runtime threat detection. ${row.summary}`,
        remediation: 'Decide whether the moving workloads can go without runtime monitoring; those that cannot should stay on EC2 capacity.',
        action: { type: 'review' },
      },
    ];
  },
};
