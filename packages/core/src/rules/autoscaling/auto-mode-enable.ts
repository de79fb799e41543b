import { SOURCES } from '../../capabilities/sources.js';
import type { Rule } from '../engine/types.js';
import { autoModeEnabled } from '../../analysis/auto-mode-enabled.js';
import { shellQuote } from '../../util/shell.js';

/** Fargate and Auto Mode run side by side, so Auto Mode is switched on first and workloads follow (aws-facts §0.2, §7.1). */
export const autoModeEnableRule: Rule = {
  id: 'auto-mode-enable',
  capability: 'autoscaling',
  targets: ['auto-mode'],
  check(ctx) {
    const enabled = autoModeEnabled(ctx);
    if (enabled === true) return [];
    const name = ctx.inventory.cluster?.name ?? '<cluster>';
    return [
      {
        severity: 'change',
        resource: null,
        message:
          enabled === false
            ? `EKS Auto Mode is not enabled on cluster ${name}; it must be enabled before any workload can move.`
            : 'The inventory has no cluster description, so modeshift assumes EKS Auto Mode is not enabled yet; it must be enabled before any workload can move.',
        remediation: `Enable compute, block storage and load balancing in one call: \`aws eks update-cluster-config --name ${shellQuote(name)} --compute-config enabled=true,nodeRoleArn=<node role ARN>,nodePools=general-purpose,system --kubernetes-network-config '{"elasticLoadBalancing":{"enabled":true}}' --storage-config '{"blockStorage":{"enabled":true}}'\`. Installed EKS add-ons must meet AWS's minimum versions for existing clusters (e.g. VPC CNI v1.19.0-eksbuild.1). Existing Fargate pods keep running; check that \`kubectl get nodepool\` lists general-purpose and system.`,
        sources: [SOURCES.autoEnable, SOURCES.migrateFromFargate],
        action: { type: 'prerequisite', task: { kind: 'enable-auto-mode' } },
      },
    ];
  },
};
