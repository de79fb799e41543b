// Objects that keep pods modeshift does not read (see inventory/pod-spec-search.ts): the plan cannot
// place them, so they make the inventory incomplete and hold decommission back, like a kind the
// collector could not read.
import type { Inventory, NotCollected, OtherObject } from '../inventory/types.js';
import type { FindingDraft } from '../rules/engine/types.js';

const STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster';

/** A Strimzi cluster whose StrimziPodSets are in the inventory is read through them. */
function readThroughPodSets(inventory: Inventory, o: OtherObject): boolean {
  if (!o.apiVersion.startsWith('kafka.strimzi.io/')) return false;
  return inventory.workloads.some(
    (w) =>
      w.kind === 'StrimziPodSet' &&
      w.metadata.namespace === o.namespace &&
      (w.metadata.labels[STRIMZI_CLUSTER_LABEL] === o.name || w.metadata.name.startsWith(`${o.name}-`)),
  );
}

/** In inventory order. */
export function unreadPodHolders(inventory: Inventory): (OtherObject & { holdsPods: string })[] {
  return inventory.other.filter((o): o is OtherObject & { holdsPods: string } => o.holdsPods !== undefined && !readThroughPodSets(inventory, o));
}

/** As the plan's "incomplete" list names them. */
export function unreadPodEntries(inventory: Inventory): NotCollected[] {
  return unreadPodHolders(inventory).map((o) => ({
    kind: o.kind,
    namespace: o.namespace,
    reason: `${o.name} (${o.apiVersion}) keeps ${o.holdsPods}, which modeshift does not read: its pods are not in this plan`,
  }));
}

/**
 * The finding both directions raise for each: its operator runs pods from it that this plan neither
 * places nor moves, and planned around silently their capacity could be deleted under them.
 */
export function unreadPodFindings(inventory: Inventory): FindingDraft[] {
  return unreadPodHolders(inventory).map((o) => ({
    severity: 'blocker',
    resource: { kind: o.kind, name: o.name, namespace: o.namespace },
    message: `${o.kind} ${o.namespace === null ? '' : `${o.namespace}/`}${o.name} (${o.apiVersion}) keeps ${o.holdsPods}: its operator runs pods from it that modeshift does not read, so this plan does not place or move them.`,
    remediation:
      "Find where its pods run (kubectl get pods -A -o wide, by the operator's labels) and plan them by hand: give them the scheduling changes of the workloads they run next to, and keep their capacity until they have moved. Decommission is held back while such objects are in the inventory.",
    action: { type: 'review' },
  }));
}
