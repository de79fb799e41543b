// Which storage driver backs each volume of a workload, found through the index (claim → volume or
// StorageClass) so that storage rules stay linear in inventory size.
import { remembered } from '../../util/memo.js';
import type { InventoryIndex } from '../../inventory/index-lookups.js';
import type { Workload } from '../../inventory/types.js';
import type { PersistentVolumeClaimSpec } from '../../kube.js';

export interface VolumeUse {
  /** "namespace/claim" for claims; the template name with "-*" for unresolved StatefulSet claims; null inline. */
  claim: string | null;
  /** CSI driver or in-tree provisioner; null when the inventory cannot tell. */
  driver: string | null;
  /** The pod volume, claim template or claim name the use came from, for messages. */
  via: string;
}

function driverOfSpec(index: InventoryIndex, spec: PersistentVolumeClaimSpec | undefined): string | null {
  if (!spec) return null;
  if (spec.volumeName) {
    const pv = index.volume(spec.volumeName);
    if (pv?.spec.csi) return pv.spec.csi.driver;
    if (pv?.spec.awsElasticBlockStore) return 'kubernetes.io/aws-ebs';
    if (pv?.spec.storageClassName) return index.storageClass(pv.spec.storageClassName)?.provisioner ?? null;
  }
  // An explicit "" means static binding without a class: only the volume can tell.
  if (spec.storageClassName === '' || spec.storageClassName === null) return null;
  const sc = spec.storageClassName ? index.storageClass(spec.storageClassName) : index.defaultStorageClass();
  return sc?.provisioner ?? null;
}

export function claimDriver(index: InventoryIndex, namespace: string, name: string): string | null {
  return driverOfSpec(index, index.claim(namespace, name)?.spec);
}

const usesBy = new WeakMap<InventoryIndex, WeakMap<Workload, VolumeUse[]>>();

/**
 * Every persistent or CSI volume the workload's pods use. Worked out once per workload and index:
 * the storage rules each ask it of every workload that moves. Shared: read it, never change it.
 */
export function volumeUses(index: InventoryIndex, w: Workload): VolumeUse[] {
  return remembered(remembered(usesBy, index, () => new WeakMap()), w, () => findVolumeUses(index, w));
}

function findVolumeUses(index: InventoryIndex, w: Workload): VolumeUse[] {
  const ns = w.metadata.namespace;
  const uses: VolumeUse[] = [];
  for (const v of w.template.spec.volumes ?? []) {
    if (v.persistentVolumeClaim) {
      const name = v.persistentVolumeClaim.claimName;
      uses.push({ claim: `${ns}/${name}`, driver: claimDriver(index, ns, name), via: name });
    } else if (v.csi) {
      uses.push({ claim: null, driver: v.csi.driver, via: v.name });
    } else if (v.awsElasticBlockStore) {
      uses.push({ claim: null, driver: 'kubernetes.io/aws-ebs', via: v.name });
    } else if (v.ephemeral?.volumeClaimTemplate) {
      uses.push({ claim: null, driver: driverOfSpec(index, v.ephemeral.volumeClaimTemplate.spec), via: v.name });
    }
  }
  // StatefulSet claims are named <template>-<set>-<ordinal>; look each one up when replicas are known.
  for (const t of w.volumeClaimTemplates) {
    const templateDriver = driverOfSpec(index, t.spec);
    const count = w.replicas ?? 0;
    let found = 0;
    for (let i = 0; i < count; i++) {
      const name = `${t.name}-${w.metadata.name}-${i}`;
      if (!index.claim(ns, name)) continue;
      found++;
      uses.push({ claim: `${ns}/${name}`, driver: claimDriver(index, ns, name) ?? templateDriver, via: t.name });
    }
    if (found === 0) uses.push({ claim: `${ns}/${t.name}-${w.metadata.name}-*`, driver: templateDriver, via: t.name });
  }
  return uses;
}

/** Whether the workload keeps state in persistent volumes (claims, claim templates, generic ephemeral volumes excluded). */
export function usesClaims(w: Workload): boolean {
  return w.volumeClaimTemplates.length > 0 || (w.template.spec.volumes ?? []).some((v) => v.persistentVolumeClaim !== undefined);
}
