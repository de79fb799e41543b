import type { InventoryIndex } from '../../inventory/index-lookups.js';
import type { Inventory } from '../../inventory/types.js';
import type { Rule } from '../engine/types.js';
import { workloadRef } from '../../analysis/refs.js';
import { listOf } from '../../analysis/names.js';
import { claimUses } from '../../analysis/volumes.js';
import { describeWorkload } from '../../analysis/workload.js';
import { movingWorkloads } from '../../analysis/fargate-scope.js';

interface StaticVolumes {
  /** "namespace/claim" of every claim a PersistentVolume is reserved for. */
  claimed: Set<string>;
  /** StorageClass name → PersistentVolumes of that class not reserved for any claim. */
  available: Map<string, number>;
}

const cache = new WeakMap<InventoryIndex, StaticVolumes>();

function staticVolumes(index: InventoryIndex, inventory: Inventory): StaticVolumes {
  let found = cache.get(index);
  if (found) return found;
  found = { claimed: new Set(), available: new Map() };
  for (const pv of inventory.persistentVolumes) {
    const ref = pv.spec.claimRef;
    if (ref?.name) found.claimed.add(`${ref.namespace ?? 'default'}/${ref.name}`);
    else if (pv.spec.storageClassName) found.available.set(pv.spec.storageClassName, (found.available.get(pv.spec.storageClassName) ?? 0) + 1);
  }
  cache.set(index, found);
  return found;
}

/**
 * Fargate mounts EFS through its built-in driver but supports static provisioning only: a claim
 * must find a PersistentVolume made for it. Claims already bound, reserved by a PV's claimRef, or of
 * a class with unclaimed PVs waiting are fine.
 */
export const fargateEfsDynamicProvisioningRule: Rule = {
  id: 'fargate-efs-dynamic-provisioning',
  title: 'EFS dynamic provisioning',
  capability: 'efs-volume',
  targets: ['fargate'],
  check(ctx, row) {
    return movingWorkloads(ctx).flatMap((w) => {
      const ns = w.metadata.namespace;
      const volumes = staticVolumes(ctx.index, ctx.inventory);
      const dynamic = claimUses(ctx.index, w).filter(
        (u) =>
          u.kind === 'efs' &&
          !u.bound &&
          !(u.claim && volumes.claimed.has(`${ns}/${u.claim}`)) &&
          !(u.storageClass && (volumes.available.get(u.storageClass) ?? 0) > 0),
      );
      if (dynamic.length === 0) return [];
      return [
        {
          severity: 'change' as const,
          resource: workloadRef(w),
          message: `${describeWorkload(w)} relies on dynamic EFS provisioning for ${listOf(dynamic.map((u) => `${u.label}${u.storageClass ? ` (StorageClass ${u.storageClass})` : ''}`))}. ${row.condition ?? row.summary}`,
          remediation:
            'Before the move, create an EFS access point and a PersistentVolume for each claim (csi.driver efs.csi.aws.com, volumeHandle <fs-id>::<fsap-id>) and bind the claim to it with spec.volumeName; a StatefulSet needs one PersistentVolume per replica.',
          action: { type: 'review' as const },
        },
      ];
    });
  },
};
