import { SOURCES } from '../../capabilities/sources.js';
import type { Rule } from '../engine/types.js';
import { anyMoving, candidates, stayingDaemonSets, stayOn, stays } from '../../analysis/fargate-scope.js';
import { windowsEvidence } from '../../analysis/evidence.js';

/**
 * Auto Mode is disabled last: it terminates every Auto Mode instance and deletes every Auto Mode load
 * balancer, keeping EBS volumes (aws-facts §0.3). The planner skips it while workloads stay on it.
 */
export const fargateDisableAutoModeRule: Rule = {
  id: 'fargate-disable-auto-mode',
  title: 'Disabling Auto Mode',
  capability: 'autoscaling',
  targets: ['fargate'],
  check(ctx) {
    const cluster = ctx.inventory.cluster;
    const enabled = cluster ? cluster.autoMode.enabled : [...ctx.placement.workloads.values()].some((p) => p.current.type === 'auto-mode');
    if (!enabled || !anyMoving(ctx)) return [];
    // Blocked DaemonSets count: the plan keeps Auto Mode for them as for any workload that stays.
    const staying = [...candidates(ctx).filter((w) => stays(ctx, w)), ...stayingDaemonSets(ctx).filter((w) => !windowsEvidence(w.template.spec))].filter(
      (w) => stayOn(ctx, w) === 'auto-mode',
    ).length;
    return [
      {
        severity: 'change',
        resource: null,
        message: `EKS Auto Mode is enabled on this cluster; disabling it terminates all Auto Mode instances and deletes the load balancers Auto Mode created (EBS volumes are kept).${staying > 0 ? ` ${staying} workload${staying === 1 ? '' : 's'} stay${staying === 1 ? 's' : ''} on Auto Mode, so the plan keeps it enabled for them.` : ''}`,
        remediation:
          'Disable it as the last step, after every workload runs on Fargate, CoreDNS runs on Fargate and every load balancer has moved to the AWS Load Balancer Controller: turn off compute, block storage and load balancing together (aws eks update-cluster-config --compute-config enabled=false with the storage and network configs). Check for security groups Auto Mode may leave behind.',
        sources: [SOURCES.autoDisable],
        action: { type: 'decommission', task: { kind: 'disable-auto-mode' } },
      },
    ];
  },
};
