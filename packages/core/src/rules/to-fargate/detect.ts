// What a pod template asks of its node, read the way Fargate admission and scheduling would see it.
// Pure functions of one workload (plus index lookups), so every rule stays linear in inventory size.
import type { InventoryIndex } from '../../inventory/index-lookups.js';
import type { Workload } from '../../inventory/types.js';
import type { Container, PersistentVolumeClaimSpec, PodSpec } from '../../kube.js';
import { remembered } from '../../util/memo.js';
import { allContainers, hostPathVolumes, privilegedContainers } from './evidence.js';
import { EBS_PROVISIONERS, EFS_PROVISIONER, NODE_OBSERVING_EXACT, NODE_OBSERVING_PATHS } from './facts.js';

export { allContainers, arm64Evidence, gpuEvidence, hostPathVolumes, neuronEvidence, privilegedContainers, windowsEvidence } from './evidence.js';

export const describeWorkload = (w: Workload) => `${w.kind} ${w.metadata.namespace}/${w.metadata.name}`;

/** Names joined for a sentence: "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A container port published on the node, and whether a Service still reaches it without. */
export interface HostPortUse {
  container: string;
  containerPort: number;
  hostPort: number;
  reachable: boolean;
}

function anyHostPort(containers: readonly Container[] | undefined): boolean {
  if (containers === undefined) return false;
  for (const c of containers) {
    if (c.ports === undefined) continue;
    for (const p of c.ports) if (p.hostPort !== undefined || p.hostIP !== undefined) return true;
  }
  return false;
}

export function hostPorts(index: InventoryIndex, w: Workload): HostPortUse[] {
  // Most pods publish nothing on the node: answered without building the container list.
  if (!anyHostPort(w.template.spec.containers) && !anyHostPort(w.template.spec.initContainers)) return [];
  const uses: HostPortUse[] = [];
  let services: ReturnType<InventoryIndex['servicesFor']> | null = null;
  for (const c of allContainers(w.template.spec)) {
    for (const p of c.ports ?? []) {
      if (p.hostPort === undefined && p.hostIP === undefined) continue;
      services ??= index.servicesFor(w);
      const reachable = services.some((s) =>
        (s.spec.ports ?? []).some((sp) => {
          const target = sp.targetPort ?? sp.port;
          return target === p.containerPort || (typeof target === 'string' && target === p.name);
        }),
      );
      uses.push({ container: c.name, containerPort: p.containerPort, hostPort: p.hostPort ?? p.containerPort, reachable });
    }
  }
  return uses;
}

export function addedCapabilities(spec: PodSpec): { container: string; capabilities: string[] }[] {
  return allContainers(spec)
    .filter((c) => (c.securityContext?.capabilities?.add ?? []).length > 0)
    .map((c) => ({ container: c.name, capabilities: c.securityContext?.capabilities?.add ?? [] }));
}

export function observesNode(path: string): boolean {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return NODE_OBSERVING_EXACT.includes(p) || NODE_OBSERVING_PATHS.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
}

/** Why the pod needs its node (host namespaces, privilege, node-observing mounts); empty when it does not. */
export function hostNeeds(spec: PodSpec): string[] {
  const needs: string[] = [];
  if (spec.hostPID) needs.push('hostPID');
  if (spec.hostNetwork) needs.push('hostNetwork');
  if (spec.hostIPC) needs.push('hostIPC');
  if (privilegedContainers(spec).length > 0) needs.push('privileged containers');
  const paths = [...new Set(hostPathVolumes(spec).map((v) => v.path).filter(observesNode))];
  if (paths.length > 0) needs.push(`hostPath ${paths.length > 4 ? `${paths.slice(0, 4).join(', ')} and ${paths.length - 4} more` : listOf(paths)}`);
  return needs;
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
  if (pv?.spec.csi) return { label, kind: kindOfDriver(pv.spec.csi.driver), detail: pv.spec.csi.driver, bound: true, storageClass: pv.spec.storageClassName ?? null };
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

const usesBy = new WeakMap<InventoryIndex, WeakMap<Workload, ClaimUse[]>>();

/**
 * Every persistent volume a workload mounts: claims, claim templates, generic ephemeral volumes,
 * inline EBS. Worked out once per workload and index, for the scope and the storage rules alike.
 * Shared: read it, never change it.
 */
export function claimUses(index: InventoryIndex, w: Workload): ClaimUse[] {
  return remembered(remembered(usesBy, index, () => new WeakMap()), w, () => findClaimUses(index, w));
}

function findClaimUses(index: InventoryIndex, w: Workload): ClaimUse[] {
  const ns = w.metadata.namespace;
  const uses: ClaimUse[] = [];
  for (const v of w.template.spec.volumes ?? []) {
    if (v.persistentVolumeClaim) {
      const name = v.persistentVolumeClaim.claimName;
      const claim = index.claim(ns, name);
      if (claim) uses.push(classifyClaim(index, claim.spec, `claim ${name}`, claim.spec.volumeName !== undefined, name));
      else uses.push({ label: `claim ${name}`, kind: 'unknown', detail: `PersistentVolumeClaim ${ns}/${name} is not in the inventory`, bound: false, storageClass: null, claim: name });
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
