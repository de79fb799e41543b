import { COMPUTE_TYPE_ANNOTATION } from '../placement/fargate-profiles.js';
import type { RuleContext } from '../rules/engine/types.js';

/** true / false from describe-cluster; otherwise inferred from Auto Mode objects; null when nothing says. */
export function autoModeEnabled(ctx: RuleContext): boolean | null {
  const cluster = ctx.inventory.cluster;
  if (cluster) return cluster.autoMode.enabled;
  const autoPools = ctx.inventory.nodePools.some((p) => p.spec.template?.spec?.nodeClassRef?.group === 'eks.amazonaws.com');
  const autoNodes = ctx.inventory.nodes.some((n) => n.labels[COMPUTE_TYPE_ANNOTATION] === 'auto');
  return autoPools || autoNodes ? true : null;
}

/** Whether Auto Mode provisions load balancers here: from describe-cluster, else from Auto Mode objects seen. */
export function autoModeLoadBalancing(ctx: RuleContext): boolean {
  const cluster = ctx.inventory.cluster;
  if (cluster) return cluster.autoMode.enabled && cluster.autoMode.elasticLoadBalancing;
  return ctx.inventory.nodePools.some((p) => p.spec.template?.spec?.nodeClassRef?.group === 'eks.amazonaws.com');
}
