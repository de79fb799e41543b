import type { FindingDraft, Rule } from '../engine/types.js';
import { listOf } from '../../analysis/names.js';
import { describeWorkload } from '../../analysis/workload.js';
import { stayDraft } from '../../analysis/stay-drafts.js';
import { publicNodeClassOf, type PublicNodeClass } from '../../analysis/node-class.js';
import { candidates, capacityName, currentNodePool, exposedOnNode, isMoving, stayOn } from '../../analysis/fargate-scope.js';

/**
 * Fargate pods get no public IP and profiles take private subnets only (aws-facts §0.7). A pod
 * reached on its public node's address (hostNetwork, hostPort) cannot follow; everything else on a
 * public NodeClass moves behind NAT, which deserves one advisory per NodeClass.
 */
export const fargatePublicSubnetsRule: Rule = {
  id: 'fargate-public-subnets',
  title: 'Public subnets',
  capability: 'public-ip',
  targets: ['fargate'],
  check(ctx, row) {
    const drafts: FindingDraft[] = [];
    const movers = new Map<string, { nc: PublicNodeClass; names: string[] }>();
    for (const w of candidates(ctx)) {
      const pool = currentNodePool(ctx, w);
      const nc = pool ? publicNodeClassOf(ctx, pool) : null;
      if (!nc) continue;
      if (exposedOnNode(ctx.index, w)) {
        drafts.push(
          stayDraft(
            ctx,
            w,
            `${describeWorkload(w)} is reached on its node's address (hostNetwork or hostPort), and NodeClass ${nc.name} gives nodes public addresses (${nc.why}). ${row.summary}`,
            `Put it behind a load balancer (a Service of type LoadBalancer or an Ingress) so clients stop using node addresses, then plan again; until then it stays on ${capacityName(stayOn(ctx, w))}.`,
          ),
        );
      } else if (isMoving(ctx, w)) {
        const entry = movers.get(nc.name) ?? { nc, names: [] };
        movers.set(nc.name, entry);
        entry.names.push(describeWorkload(w));
      }
    }
    for (const name of [...movers.keys()].sort()) {
      const { nc, names } = movers.get(name)!;
      const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : listOf(names);
      drafts.push({
        severity: 'advisory',
        resource: { kind: 'NodeClass', name, namespace: null },
        message: `NodeClass ${name} puts nodes on public addresses (${nc.why}); its moving workloads (${shown}) will run in private subnets on Fargate. ${row.summary}`,
        remediation:
          'Give the Fargate profiles private subnets with a route to a NAT gateway, so outbound traffic keeps working; anything that reached these pods on a public node address must use a load balancer instead.',
        action: { type: 'review' },
      });
    }
    return drafts;
  },
};
