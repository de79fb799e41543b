// Capacity placement assumed because the inventory does not show it (placement/unseen-capacity.ts)
// makes the inventory incomplete, like a kind the collector could not read: the plan says what it
// assumed and what to collect to know, and holds decommission back until it does.
import type { NotCollected } from '../inventory/types.js';
import type { UnseenNeed, UnseenPlatform } from '../placement/unseen-capacity.js';
import type { RuleContext } from '../rules/engine/types.js';

const SHOWN = 3;

/** What to read, per platform, to know the capacity (modeshift collect reads all of it). */
function whatToCollect(on: UnseenPlatform, name: string | null, cluster: string): string {
  switch (on) {
    case 'fargate':
      return `aws eks list-fargate-profiles --cluster-name ${cluster}, then aws eks describe-fargate-profile --cluster-name ${cluster} --fargate-profile-name <name> for each`;
    case 'auto-mode':
      return `aws eks describe-cluster --name ${cluster} (its Auto Mode settings) and kubectl get nodepools.karpenter.sh,nodeclasses.eks.amazonaws.com,nodes -o yaml`;
    case 'karpenter':
      return `kubectl get nodepools.karpenter.sh,ec2nodeclasses.karpenter.k8s.aws,nodes -o yaml, and aws eks describe-cluster --name ${cluster}`;
    case 'nodegroup':
      return `aws eks describe-nodegroup --cluster-name ${cluster} --nodegroup-name ${name ?? '<name>'}`;
    case 'ec2':
      return `aws eks list-nodegroups --cluster-name ${cluster}, then aws eks describe-nodegroup for each, and kubectl get nodes -o yaml`;
  }
}

const KIND: Record<UnseenPlatform, string> = {
  fargate: 'FargateProfile',
  'auto-mode': 'NodePool',
  karpenter: 'NodePool',
  nodegroup: 'Nodegroup',
  ec2: 'Node',
};

function assumed(on: UnseenPlatform, name: string | null): string {
  switch (on) {
    case 'fargate':
      return 'on a Fargate profile the inventory does not show';
    case 'auto-mode':
      return name === null ? 'on Auto Mode capacity the inventory does not show' : `on Auto Mode NodePool ${name}, which the inventory does not show`;
    case 'karpenter':
      return name === null
        ? 'on self-managed Karpenter NodePools the inventory does not show'
        : `on self-managed Karpenter NodePool ${name}, which the inventory does not show`;
    case 'nodegroup':
      return `on node group ${name ?? '<unnamed>'}, which the inventory does not show`;
    case 'ec2':
      return 'on EC2 nodes the inventory does not show';
  }
}

/** The plan's "incomplete" entries for assumed capacity: one per platform and pool or node group named. */
export function unseenCapacityEntries(ctx: RuleContext): NotCollected[] {
  const groups = new Map<string, UnseenNeed[]>();
  for (const need of ctx.placement.unseen.needs.values()) {
    const key = `${need.on}/${need.name ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(need);
    else groups.set(key, [need]);
  }
  const cluster = ctx.inventory.cluster?.name ?? '<cluster-name>';
  return [...groups.values()].map((needs) => {
    const { on, name } = needs[0]!;
    const shown = needs.slice(0, SHOWN).map((n) => (n.asks === '' ? n.workload : `${n.workload} (${n.asks})`));
    const more = needs.length > SHOWN ? ` and ${needs.length - SHOWN} more` : '';
    const count = `${needs.length} workload${needs.length === 1 ? '' : 's'}`;
    return {
      kind: KIND[on],
      namespace: null,
      reason: `${count} run${needs.length === 1 ? 's' : ''} on nothing the inventory shows (${shown.join('; ')}${more}) and ${needs.length === 1 ? 'is' : 'are'} planned as running ${assumed(on, name)}; to know, collect ${whatToCollect(on, name, cluster)} (modeshift collect reads all of it)`,
    };
  });
}
