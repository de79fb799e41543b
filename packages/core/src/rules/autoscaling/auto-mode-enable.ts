import { SOURCES } from '../../capabilities/sources.js';
import type { Rule } from '../engine/types.js';
import { autoModeEnabled } from '../../analysis/auto-mode-enabled.js';
import { shellQuote } from '../../util/shell.js';
import { onReplacedKarpenterPool, selfManagedKarpenter } from '../../analysis/karpenter.js';
import { movers } from '../../analysis/auto-mode-movers.js';

/** Fargate and Auto Mode run side by side, so Auto Mode is switched on first and workloads follow (aws-facts §0.2, §7.1). */
export const autoModeEnableRule: Rule = {
  id: 'auto-mode-enable',
  title: 'Enabling Auto Mode',
  capability: 'autoscaling',
  targets: ['auto-mode'],
  check(ctx) {
    const enabled = autoModeEnabled(ctx);
    if (enabled === true) return [];
    const name = ctx.inventory.cluster?.name ?? '<cluster>';
    // AWS's Karpenter migration leaves general-purpose off while Karpenter runs: it is not selective, and would take
    // pods Karpenter was to place. Anything else that moves (from Fargate, from a Karpenter pool the plan does not
    // re-create, or pending today) may need it, so it stays on when there is any.
    const karpenterOnly =
      (selfManagedKarpenter(ctx.inventory)?.pools.length ?? 0) > 0 && movers(ctx).every((w) => w.kind === 'DaemonSet' || onReplacedKarpenterPool(ctx, w));
    const pools = karpenterOnly ? ['system'] : ['general-purpose', 'system'];
    return [
      {
        severity: 'change',
        resource: null,
        message:
          enabled === false
            ? `EKS Auto Mode is not enabled on cluster ${name}; it must be enabled before any workload can move.`
            : 'The inventory has no cluster description, so modeshift assumes EKS Auto Mode is not enabled yet; it must be enabled before any workload can move.',
        remediation: `Enable compute, block storage and load balancing in one call: \`aws eks update-cluster-config --name ${shellQuote(name)} --compute-config enabled=true,nodeRoleArn=<node role ARN>,nodePools=${pools.join(',')} --kubernetes-network-config '{"elasticLoadBalancing":{"enabled":true}}' --storage-config '{"blockStorage":{"enabled":true}}'\`. Installed EKS add-ons must meet AWS's minimum versions for existing clusters (e.g. VPC CNI v1.19.0-eksbuild.1). ${karpenterOnly ? 'The general-purpose pool stays off while self-managed Karpenter runs, as AWS asks: it is not selective. Existing Karpenter nodes keep running' : 'Existing Fargate pods keep running'}; check that \`kubectl get nodepool\` lists ${pools.join(' and ')}.`,
        sources: [SOURCES.autoEnable, SOURCES.migrateFromFargate],
        action: { type: 'prerequisite', task: karpenterOnly ? { kind: 'enable-auto-mode', nodePools: pools } : { kind: 'enable-auto-mode' } },
      },
    ];
  },
};
