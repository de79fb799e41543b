// Self-managed Karpenter in an inventory: its controller, its NodePools (those whose NodeClass is a
// karpenter.k8s.aws EC2NodeClass) and its EC2NodeClasses. Moving to Auto Mode, AWS's procedure replaces
// the pools, moves the workloads and removes the controller last; moving to Fargate, the pools empty and
// the controller goes once nothing stays on them.
import type { Inventory, Workload } from '../inventory/types.js';
import type { KubeObject, NodeClassSpec, NodePoolSpec } from '../kube.js';
import { isKarpenterNodePool } from '../placement/karpenter-pools.js';
import type { RuleContext } from '../rules/engine/types.js';

const CONTROLLER_IMAGE = /(^|\/)karpenter\/controller([:@]|$)/;

/** The Karpenter controller's Deployment: the chart's name or label, or the controller image. */
export function isKarpenterController(w: Workload): boolean {
  if (w.kind !== 'Deployment') return false;
  if (w.metadata.name === 'karpenter' || w.template.metadata.labels['app.kubernetes.io/name'] === 'karpenter') return true;
  return w.template.spec.containers.some((c) => CONTROLLER_IMAGE.test(c.image ?? ''));
}

export interface SelfManagedKarpenter {
  controllers: Workload[];
  pools: KubeObject<NodePoolSpec>[];
  nodeClasses: KubeObject<NodeClassSpec>[];
}

/** What the inventory shows of self-managed Karpenter; null when it shows none of it. */
export function selfManagedKarpenter(inventory: Inventory): SelfManagedKarpenter | null {
  const controllers = inventory.workloads.filter(isKarpenterController);
  const pools = inventory.nodePools.filter(isKarpenterNodePool);
  const nodeClasses = inventory.nodeClasses.filter((c) => c.kind === 'EC2NodeClass');
  return controllers.length + pools.length + nodeClasses.length === 0 ? null : { controllers, pools, nodeClasses };
}

/** The Karpenter NodePool a workload runs on today, when it runs on one (a pool the inventory may not show). */
export function karpenterPoolOf(ctx: RuleContext, w: Workload): string | null {
  const current = ctx.placement.workloads.get(w.key)?.current;
  return current?.type === 'managed-nodes' && current.nodePool !== undefined ? current.nodePool : null;
}

/** The Helm release the controller was installed as, when its Deployment says (Helm's own annotation or label). */
export function helmRelease(w: Workload): string | null {
  const annotated = w.metadata.annotations['meta.helm.sh/release-name'];
  if (annotated) return annotated;
  return w.metadata.labels['app.kubernetes.io/managed-by'] === 'Helm' ? (w.metadata.labels['app.kubernetes.io/instance'] ?? null) : null;
}

/**
 * Whether the workload runs on a Karpenter NodePool the inventory has: the plan re-creates that pool for
 * Auto Mode, so the workload needs no GPU, Arm or Spot pool of its own.
 */
export function onReplacedKarpenterPool(ctx: RuleContext, w: Workload): boolean {
  const pool = karpenterPoolOf(ctx, w);
  return pool !== null && ctx.index.nodePool(pool) !== undefined;
}
