import { describeOwner, detectOwner, whereToChange, type Owner } from '../../export/ownership.js';
import type { Inventory } from '../../inventory/types.js';
import { flat } from '../../util/text.js';
import type { RuleFinding } from './types.js';

/** Workloads that Helm, Argo CD or Flux manage, by workload key; empty for an estate applied by hand. */
function workloadOwners(inventory: Inventory): Map<string, Owner> {
  const owners = new Map<string, Owner>();
  for (const w of inventory.workloads) {
    const owner = detectOwner(w.metadata);
    if (owner) owners.set(w.key, owner);
  }
  return owners;
}

/**
 * A finding that asks a managed workload to change says where the change belongs: the release's values or
 * the Git source, not the cluster, where the next release or sync would undo it. Only findings whose
 * action edits the workload get the note; an estate with no managed workload costs one pass over them.
 */
export function noteOwners(findings: RuleFinding[], inventory: Inventory): void {
  const owners = workloadOwners(inventory);
  if (owners.size === 0) return;
  for (const f of findings) {
    if (f.action.type !== 'workload' || !f.resource || f.resource.namespace === null) continue;
    const owner = owners.get(`${f.resource.kind}/${f.resource.namespace}/${f.resource.name}`);
    if (owner)
      f.remediation = flat(
        `${f.remediation} ${f.resource.kind} ${f.resource.namespace}/${f.resource.name} is managed by ${describeOwner(owner)}: ${whereToChange(owner)}.`,
      );
  }
}
