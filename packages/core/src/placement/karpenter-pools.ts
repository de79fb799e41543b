// Self-managed Karpenter's NodePools as AWS's migration to Auto Mode re-creates them (aws-facts §7.2,
// "Migrate from Karpenter to EKS Auto Mode using kubectl"): each becomes an Auto Mode NodePool of its own
// (Karpenter and Auto Mode share the nodepools.karpenter.sh CRD, so the names must differ) on Auto Mode's
// NodeClass, with its requirements in Auto Mode's labels and a taint that keeps every pod off it until its
// workload is moved by a toleration and the nodeSelector eks.amazonaws.com/compute-type: auto.
import type { Taint, WorkloadEdit } from '@modeshift/plan';
import type { KubeObject, NodePoolSpec, NodeSelectorRequirement, PodSpec, StringMap, Toleration } from '../kube.js';
import { COMPUTE_TYPE_ANNOTATION } from './fargate-profiles.js';
import type { PoolModel } from './node-pools.js';

/** AWS's example taint for the new pools; moved workloads tolerate it. */
export const MIGRATION_TAINT: Taint = { key: 'eks-auto-mode', effect: 'NoSchedule' };
export const MIGRATION_TOLERATION: Toleration = { key: MIGRATION_TAINT.key, operator: 'Exists', effect: MIGRATION_TAINT.effect };

const KARPENTER_GROUP = 'karpenter.k8s.aws';
const NODEPOOL_LABEL = 'karpenter.sh/nodepool';

/** A NodePool self-managed Karpenter runs (its NodeClass is an EC2NodeClass), not Auto Mode. */
export const isKarpenterNodePool = (pool: Pick<KubeObject<NodePoolSpec>, 'spec'>): boolean =>
  pool.spec.template?.spec?.nodeClassRef?.group !== 'eks.amazonaws.com';

/** The Auto Mode pool that replaces Karpenter pool `name`. */
export const replacementName = (name: string): string => `${name}-auto-mode`;

// The instance labels Auto Mode offers (aws-facts §4.3), by their name after `eks.amazonaws.com/`.
const AUTO_MODE_INSTANCE_LABELS = new Set(
  [
    'hypervisor',
    'encryption-in-transit-supported',
    'category',
    'generation',
    'family',
    'size',
    'cpu',
    'cpu-manufacturer',
    'memory',
    'ebs-bandwidth',
    'network-bandwidth',
    'gpu-name',
    'gpu-manufacturer',
    'gpu-count',
    'gpu-memory',
    'local-nvme',
  ].map((l) => `instance-${l}`),
);

// Node labels an Auto Mode NodePool may not require (aws-facts §4.3); every Auto Mode node is Linux anyway.
const UNSUPPORTED_IN_AUTO_MODE_POOLS = new Set(['kubernetes.io/os', 'node.kubernetes.io/windows-build']);

/**
 * Karpenter's instance labels in Auto Mode's spelling (`karpenter.k8s.aws/instance-family` →
 * `eks.amazonaws.com/instance-family`, aws-facts §4.3); null for Karpenter labels Auto Mode has no
 * counterpart of (accelerator names, sustained clock speed, placement groups…). Every other key is the
 * same on both.
 */
export function autoModeKey(key: string): string | null {
  if (!key.startsWith(`${KARPENTER_GROUP}/`)) return key;
  const name = key.slice(KARPENTER_GROUP.length + 1);
  return AUTO_MODE_INSTANCE_LABELS.has(name) ? `eks.amazonaws.com/${name}` : null;
}

export interface ReplacementPool {
  /** The Karpenter pool it replaces. */
  original: string;
  name: string;
  requirements: NodeSelectorRequirement[];
  /** Requirement keys with no Auto Mode counterpart, or that Auto Mode pools may not require, left out. */
  dropped: string[];
  labels: StringMap;
  taints: Taint[];
  weight: number | undefined;
  limits: StringMap;
  /** The EC2NodeClass it launched with: its subnets, security groups and AMI are not carried over. */
  ec2NodeClass: string | null;
}

const asTaint = (t: { key: string; value?: string; effect: string }): Taint => ({
  key: t.key,
  ...(t.value !== undefined ? { value: t.value } : {}),
  effect: t.effect === 'NoExecute' || t.effect === 'PreferNoSchedule' ? t.effect : 'NoSchedule',
});

/** Read from YAML, a limit may be a number (`cpu: 1000`); the manifest writes quantities as strings. */
function stringLimits(limits: Record<string, unknown> | undefined): StringMap {
  const out: StringMap = {};
  for (const [k, v] of Object.entries(limits ?? {})) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  return out;
}

export function replacementPool(pool: KubeObject<NodePoolSpec>): ReplacementPool {
  const spec = pool.spec.template?.spec;
  const requirements: NodeSelectorRequirement[] = [];
  const dropped: string[] = [];
  for (const r of spec?.requirements ?? []) {
    const key = autoModeKey(r.key);
    if (key === null || UNSUPPORTED_IN_AUTO_MODE_POOLS.has(key)) dropped.push(r.key);
    else requirements.push({ ...r, key });
  }
  const ref = spec?.nodeClassRef;
  return {
    original: pool.metadata.name,
    name: replacementName(pool.metadata.name),
    requirements,
    dropped: [...new Set(dropped)].sort(),
    labels: { ...(pool.spec.template?.metadata?.labels ?? {}) },
    taints: [...(spec?.taints ?? []).map(asTaint), MIGRATION_TAINT],
    weight: pool.spec.weight,
    limits: stringLimits(pool.spec.limits),
    ec2NodeClass: ref?.kind === 'EC2NodeClass' && ref.name !== undefined ? ref.name : null,
  };
}

export function replacementModel(r: ReplacementPool): PoolModel {
  return { name: r.name, weight: r.weight ?? 0, requirements: r.requirements, labels: r.labels, taints: r.taints, autoMode: true };
}

/**
 * What moving a workload off Karpenter changes in its pod template (AWS's step 3): the migration
 * toleration and the nodeSelector compute-type auto; a nodeSelector naming a Karpenter pool names its
 * replacement (or, for a pool the inventory does not show, none), and Karpenter's instance labels take
 * Auto Mode's spelling. `untranslated`: keys only a hand edit can change (required node affinity, or a
 * Karpenter label Auto Mode has no counterpart of); they stay in `spec`, so placement finds no pool for it.
 */
export function karpenterMove(spec: PodSpec, replacements: ReadonlyMap<string, string>): { edits: WorkloadEdit[]; spec: PodSpec; untranslated: string[] } {
  const edits: WorkloadEdit[] = [{ op: 'add-toleration', toleration: MIGRATION_TOLERATION }];
  const selector: StringMap = {};
  const untranslated: string[] = [];
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    if (key === NODEPOOL_LABEL) {
      const renamed = replacements.get(value);
      if (renamed === undefined) edits.push({ op: 'remove-node-selector', key });
      else {
        edits.push({ op: 'set-node-selector', key, value: renamed });
        selector[key] = renamed;
      }
      continue;
    }
    const translated = autoModeKey(key);
    if (translated === null) untranslated.push(key);
    if (translated === key || translated === null) {
      selector[key] = value;
      continue;
    }
    edits.push({ op: 'remove-node-selector', key }, { op: 'set-node-selector', key: translated, value });
    selector[translated] = value;
  }
  edits.push({ op: 'set-node-selector', key: COMPUTE_TYPE_ANNOTATION, value: 'auto' });
  selector[COMPUTE_TYPE_ANNOTATION] = 'auto';
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) for (const r of term.matchExpressions ?? []) if (r.key === NODEPOOL_LABEL || autoModeKey(r.key) !== r.key) untranslated.push(r.key);
  const tolerations = [...(spec.tolerations ?? []), MIGRATION_TOLERATION];
  return { edits, spec: { ...spec, nodeSelector: selector, tolerations }, untranslated: [...new Set(untranslated)].sort() };
}
