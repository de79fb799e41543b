// What a pod template asks of its node, read the way Fargate admission and scheduling would see it.
// Pure functions of one workload (plus index lookups), so every rule stays linear in inventory size.
import type { InventoryIndex } from '../../inventory/index-lookups.js';
import type { Workload } from '../../inventory/types.js';
import type { Container, NodeSelectorRequirement, PersistentVolumeClaimSpec, PodSpec } from '../../kube.js';
import { needsGpu, needsNeuron, schedulingTerms } from '../../placement/pod-needs.js';
import { EBS_PROVISIONERS, EFS_PROVISIONER, NODE_OBSERVING_EXACT, NODE_OBSERVING_PATHS } from './facts.js';

export const allContainers = (spec: PodSpec): Container[] => [...spec.containers, ...(spec.initContainers ?? [])];

export const describeWorkload = (w: Workload) => `${w.kind} ${w.metadata.namespace}/${w.metadata.name}`;

/** Names joined for a sentence: "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * True when every required scheduling term constrains the pod by a requirement `hit` accepts: the
 * pod cannot be placed without it. A term without such a requirement leaves the pod free.
 */
function everyTerm(spec: PodSpec, hit: (r: NodeSelectorRequirement) => boolean): boolean {
  const terms = schedulingTerms(spec);
  return terms.length > 0 && terms.every((term) => term.some(hit));
}

const allIn = (r: NodeSelectorRequirement, ok: (v: string) => boolean) =>
  r.operator === 'In' && (r.values ?? []).length > 0 && (r.values ?? []).every(ok);

const GPU_FAMILY = /^(g|p)\d/;
const NEURON_FAMILY = /^(inf|trn)\d/;
const GRAVITON_FAMILY = /^[a-z]+\d+g[a-z]*(\.|$)/;

const isInstanceKey = (key: string, suffix: string) =>
  key === `eks.amazonaws.com/instance-${suffix}` || key === `karpenter.k8s.aws/instance-${suffix}`;

function instanceTypeOrFamily(r: NodeSelectorRequirement, family: RegExp): boolean {
  if (isInstanceKey(r.key, 'family')) return allIn(r, (v) => family.test(v));
  if (r.key === 'node.kubernetes.io/instance-type') return allIn(r, (v) => family.test(v));
  return false;
}

export function windowsEvidence(spec: PodSpec): string | null {
  if (everyTerm(spec, (r) => r.key === 'kubernetes.io/os' && allIn(r, (v) => v === 'windows'))) return 'it is pinned to kubernetes.io/os: windows';
  if (everyTerm(spec, (r) => r.key === 'node.kubernetes.io/windows-build' && r.operator !== 'DoesNotExist' && r.operator !== 'NotIn')) return 'it is pinned to a Windows build';
  const hostProcess = spec.securityContext?.windowsOptions?.hostProcess || allContainers(spec).some((c) => c.securityContext?.windowsOptions?.hostProcess);
  return hostProcess ? 'it runs Windows HostProcess containers' : null;
}

export function gpuEvidence(spec: PodSpec): string | null {
  if (needsGpu(spec)) return 'it requests nvidia.com/gpu';
  const gpuLabel = (r: NodeSelectorRequirement) =>
    (isInstanceKey(r.key, 'gpu-count') && r.operator !== 'DoesNotExist' && !allIn(r, (v) => v === '0')) ||
    ((isInstanceKey(r.key, 'gpu-name') || isInstanceKey(r.key, 'gpu-manufacturer')) && (r.operator === 'In' || r.operator === 'Exists')) ||
    (r.key.startsWith('nvidia.com/gpu') && r.operator !== 'DoesNotExist' && r.operator !== 'NotIn') ||
    (isInstanceKey(r.key, 'category') && allIn(r, (v) => v === 'g' || v === 'p')) ||
    instanceTypeOrFamily(r, GPU_FAMILY);
  if (everyTerm(spec, gpuLabel)) return 'its node selector or affinity asks for GPU instances';
  if ((spec.tolerations ?? []).some((t) => t.key === 'nvidia.com/gpu')) return 'it tolerates the nvidia.com/gpu taint of GPU nodes';
  return null;
}

export function neuronEvidence(spec: PodSpec): string | null {
  if (needsNeuron(spec)) return 'it requests AWS Neuron devices';
  const neuronLabel = (r: NodeSelectorRequirement) =>
    instanceTypeOrFamily(r, NEURON_FAMILY) || (isInstanceKey(r.key, 'category') && allIn(r, (v) => v === 'inf' || v === 'trn'));
  if (everyTerm(spec, neuronLabel)) return 'its node selector or affinity asks for Inferentia or Trainium instances';
  if ((spec.tolerations ?? []).some((t) => t.key?.startsWith('aws.amazon.com/neuron'))) return 'it tolerates the aws.amazon.com/neuron taint of Neuron nodes';
  return null;
}

export function arm64Evidence(spec: PodSpec): string | null {
  const armLabel = (r: NodeSelectorRequirement) =>
    (r.key === 'kubernetes.io/arch' && allIn(r, (v) => v === 'arm64')) ||
    (isInstanceKey(r.key, 'cpu-manufacturer') && allIn(r, (v) => v === 'aws')) ||
    instanceTypeOrFamily(r, GRAVITON_FAMILY);
  return everyTerm(spec, armLabel) ? 'it is pinned to arm64 (Graviton) nodes' : null;
}

/** A container port published on the node, and whether a Service still reaches it without. */
export interface HostPortUse {
  container: string;
  containerPort: number;
  hostPort: number;
  reachable: boolean;
}

export function hostPorts(index: InventoryIndex, w: Workload): HostPortUse[] {
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

export const privilegedContainers = (spec: PodSpec) => allContainers(spec).filter((c) => c.securityContext?.privileged === true).map((c) => c.name);

export function addedCapabilities(spec: PodSpec): { container: string; capabilities: string[] }[] {
  return allContainers(spec)
    .filter((c) => (c.securityContext?.capabilities?.add ?? []).length > 0)
    .map((c) => ({ container: c.name, capabilities: c.securityContext?.capabilities?.add ?? [] }));
}

export const hostPathVolumes = (spec: PodSpec) =>
  (spec.volumes ?? []).flatMap((v) => (v.hostPath ? [{ name: v.name, path: v.hostPath.path }] : []));

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

/** Every persistent volume a workload mounts: claims, claim templates, generic ephemeral volumes, inline EBS. */
export function claimUses(index: InventoryIndex, w: Workload): ClaimUse[] {
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
