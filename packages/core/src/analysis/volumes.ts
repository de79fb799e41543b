// The persistent volumes a workload uses, found through the index (claim → volume or StorageClass)
// so that storage rules stay linear in inventory size. Two views: `volumeUses` names the driver of
// each volume (the Fargate → Auto Mode rules ask which driver to migrate); `claimUses` sorts each
// into EBS, EFS, other or unknown and says whether it is bound (what Fargate can mount).
import { remembered } from '../util/memo.js';
import type { InventoryIndex } from '../inventory/index-lookups.js';
import type { Workload } from '../inventory/types.js';
import { EBS_PROVISIONERS, EFS_PROVISIONER } from './storage-drivers.js';
import type { PersistentVolumeClaimSpec } from '../kube.js';

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
  return remembered(
    remembered(usesBy, index, () => new WeakMap()),
    w,
    () => findVolumeUses(index, w),
  );
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

export type StorageKind = 'ebs' | 'efs' | 'other' | 'unknown';

export interface ClaimUse {
  /** "claim data", "volumeClaimTemplate data", "ephemeral volume scratch", or the inline volume name. */
  label: string;
  kind: StorageKind;
  /** Provisioner or driver, or why it is unknown. */
  detail: string;
  /** The claim object exists and names a PersistentVolume (pre-created or already bound). */
  bound: boolean;
  storageClass: string | null;
  /** The PersistentVolumeClaim's name, for claims the workload mounts by name. */
  claim: string | null;
}

function kindOfDriver(driver: string): StorageKind {
  if (EBS_PROVISIONERS.includes(driver)) return 'ebs';
  return driver === EFS_PROVISIONER ? 'efs' : 'other';
}

/** Classifies a claim by its bound volume, else its StorageClass (the default one when unnamed). */
export function classifyClaim(index: InventoryIndex, spec: PersistentVolumeClaimSpec, label: string, bound: boolean, claim: string | null = null): ClaimUse {
  return { ...classify(index, spec, label, bound), claim };
}

function classify(index: InventoryIndex, spec: PersistentVolumeClaimSpec, label: string, bound: boolean): Omit<ClaimUse, 'claim'> {
  const pv = spec.volumeName ? index.volume(spec.volumeName) : undefined;
  if (pv?.spec.csi)
    return { label, kind: kindOfDriver(pv.spec.csi.driver), detail: pv.spec.csi.driver, bound: true, storageClass: pv.spec.storageClassName ?? null };
  if (pv?.spec.awsElasticBlockStore) return { label, kind: 'ebs', detail: 'an in-tree EBS volume', bound: true, storageClass: null };
  const named = spec.storageClassName;
  if (named === '') return { label, kind: 'unknown', detail: 'no StorageClass and no PersistentVolume in the inventory', bound, storageClass: null };
  const sc = named ? index.storageClass(named) : index.defaultStorageClass();
  if (!sc) {
    const detail = named ? `StorageClass ${named} is not in the inventory` : 'no default StorageClass in the inventory';
    return { label, kind: 'unknown', detail, bound, storageClass: named ?? null };
  }
  return { label, kind: kindOfDriver(sc.provisioner), detail: sc.provisioner, bound: bound || pv !== undefined, storageClass: sc.metadata.name };
}

const claimUsesBy = new WeakMap<InventoryIndex, WeakMap<Workload, ClaimUse[]>>();

/**
 * Every persistent volume a workload mounts: claims, claim templates, generic ephemeral volumes,
 * inline EBS. Worked out once per workload and index, for the scope and the storage rules alike.
 * Shared: read it, never change it.
 */
export function claimUses(index: InventoryIndex, w: Workload): ClaimUse[] {
  return remembered(
    remembered(claimUsesBy, index, () => new WeakMap()),
    w,
    () => findClaimUses(index, w),
  );
}

function findClaimUses(index: InventoryIndex, w: Workload): ClaimUse[] {
  const ns = w.metadata.namespace;
  const uses: ClaimUse[] = [];
  for (const v of w.template.spec.volumes ?? []) {
    if (v.persistentVolumeClaim) {
      const name = v.persistentVolumeClaim.claimName;
      const claim = index.claim(ns, name);
      if (claim) uses.push(classifyClaim(index, claim.spec, `claim ${name}`, claim.spec.volumeName !== undefined, name));
      else
        uses.push({
          label: `claim ${name}`,
          kind: 'unknown',
          detail: `PersistentVolumeClaim ${ns}/${name} is not in the inventory`,
          bound: false,
          storageClass: null,
          claim: name,
        });
    } else if (v.ephemeral?.volumeClaimTemplate?.spec) {
      uses.push(classifyClaim(index, v.ephemeral.volumeClaimTemplate.spec, `ephemeral volume ${v.name}`, false));
    } else if (v.awsElasticBlockStore) {
      uses.push({ label: `volume ${v.name}`, kind: 'ebs', detail: 'an inline awsElasticBlockStore volume', bound: true, storageClass: null, claim: null });
    } else if (v.csi) {
      uses.push({ label: `volume ${v.name}`, kind: kindOfDriver(v.csi.driver), detail: v.csi.driver, bound: true, storageClass: null, claim: null });
    }
  }
  for (const t of w.volumeClaimTemplates) uses.push(classifyClaim(index, t.spec, `volumeClaimTemplate ${t.name}`, false));
  return uses;
}
