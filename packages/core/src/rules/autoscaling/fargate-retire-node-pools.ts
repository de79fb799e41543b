import { AUTO_MODE_FACTS } from '../../capabilities/limits.js';
import type { Rule } from '../engine/types.js';
import { objectRef } from '../../analysis/refs.js';
import { candidates, currentNodePool, stays } from '../../analysis/fargate-scope.js';

const BUILT_IN: readonly string[] = AUTO_MODE_FACTS.builtinNodePools;

/**
 * Custom Auto Mode NodePools have nothing to run once workloads are on Fargate. The planner retires
 * them only when nothing stays on Auto Mode; the message names what still runs on each pool. The
 * built-in pools (listed by a live cluster) are not deleted but go with Auto Mode itself.
 */
export const fargateRetireNodePoolsRule: Rule = {
  id: 'fargate-retire-node-pools',
  title: 'Auto Mode NodePools',
  capability: 'autoscaling',
  targets: ['fargate'],
  check(ctx) {
    const staying = new Map<string, string[]>();
    for (const w of candidates(ctx)) {
      const pool = currentNodePool(ctx, w);
      if (!pool || !stays(ctx, w)) continue;
      // Appended in place: copying the list per workload made a pool that keeps thousands quadratic.
      const list = staying.get(pool);
      if (list) list.push(`${w.metadata.namespace}/${w.metadata.name}`);
      else staying.set(pool, [`${w.metadata.namespace}/${w.metadata.name}`]);
    }
    return ctx.inventory.nodePools
      .filter((p) => p.spec.template?.spec?.nodeClassRef?.group === 'eks.amazonaws.com' && !BUILT_IN.includes(p.metadata.name))
      .map((pool) => {
        const kept = staying.get(pool.metadata.name) ?? [];
        return {
          severity: 'change' as const,
          resource: objectRef(pool),
          message: `NodePool ${pool.metadata.name} is Auto Mode capacity${kept.length > 0 ? ` that workloads staying on Auto Mode still use (${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ' and more' : ''})` : ' that nothing needs once the workloads run on Fargate'}.`,
          remediation:
            kept.length > 0
              ? 'Keep it while those workloads stay; delete it (kubectl delete nodepool) only after they move or are redesigned.'
              : 'Delete it (kubectl delete nodepool) after every wave is verified and before Auto Mode is disabled; its nodes drain and terminate.',
          action: { type: 'decommission' as const, task: { kind: 'retire-node-pools' as const } },
        };
      });
  },
};
