import { FARGATE_LIMITS } from '../../capabilities/limits.js';
import { SOURCES } from '../../capabilities/sources.js';
import type { Rule } from '../engine/types.js';
import { unprofiledNamespaces } from '../../analysis/fargate-scope.js';

/**
 * The plan proposes a Fargate profile per namespace (fargate-profiles), and a cluster takes 10 profiles
 * by default (EKS service quotas, adjustable): beyond the quota create-fargate-profile fails, in the
 * middle of the capacity stage. A raise can take a while to be granted, so it is a prerequisite. The
 * namespaces alone are a lower bound: the quota step counts every profile the capacity stage creates.
 */
export const fargateProfileQuotaRule: Rule = {
  id: 'fargate-profile-quota',
  title: 'Fargate profiles quota',
  capability: 'scheduling',
  targets: ['fargate'],
  check(ctx) {
    const existing = ctx.inventory.fargateProfiles.length;
    const created = unprofiledNamespaces(ctx).size;
    const total = existing + created;
    const quota = FARGATE_LIMITS.defaultProfilesPerCluster;
    if (created === 0 || total <= quota) return [];
    return [
      {
        severity: 'change',
        resource: null,
        message: `The plan creates ${created} Fargate profiles for namespaces${existing > 0 ? ` beside the ${existing} the cluster has` : ''}, so at least ${total}, above the default quota of ${quota} Fargate profiles per cluster. Beyond the cluster's quota, create-fargate-profile fails.`,
        remediation:
          'Before the change window, check the cluster\'s quota "Fargate profiles per cluster" (Service Quotas, service code eks) and, if it is below the number the plan\'s quota step gives (its profiles for CoreDNS and the load balancer controller included), request an increase and wait until it is granted.',
        sources: [SOURCES.eksServiceQuotas],
        action: { type: 'prerequisite', task: { kind: 'fargate-profile-quota' } },
      },
    ];
  },
};
