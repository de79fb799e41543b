import type { PersistentVolumeClaimSpec, PodSpec, PodTemplate, StringMap } from '../kube.js';
import type { EntryInfo, InventoryCollector } from './collector.js';
import { podSpec, podTemplate, pvcSpec, document } from './kube-shapes.js';
import { labelOf, namespacedMeta, readObject, withoutLastApplied, type KubeInput } from './kube-object.js';
import { redactPodSpec } from './redact.js';
import { int, isRecord, listOf, name, object, required, type Shape } from './shape.js';
import type { BuiltInWorkloadKind, Workload } from './types.js';

const withTemplate = (extra: Record<string, Shape> = {}) => object({ template: required(podTemplate), ...extra });

const DOCUMENT_SHAPES: Record<BuiltInWorkloadKind, Shape> = {
  Deployment: document(withTemplate({ replicas: int }), { specRequired: true }),
  ReplicaSet: document(withTemplate({ replicas: int }), { specRequired: true }),
  StatefulSet: document(
    withTemplate({
      replicas: int,
      volumeClaimTemplates: listOf(object({ metadata: required(object({ name: required(name('dns-subdomain')) })), spec: required(pvcSpec) })),
    }),
    { specRequired: true },
  ),
  DaemonSet: document(withTemplate(), { specRequired: true }),
  Job: document(withTemplate(), { specRequired: true }),
  CronJob: document(object({ jobTemplate: required(object({ spec: required(object({ template: required(podTemplate) })) })) }), { specRequired: true }),
  Pod: document(podSpec, { specRequired: true }),
};

/**
 * Objects an operator does not edit: they are made by a controller from something that is (or was)
 * in the inventory. Decided from the object's own owner references, so there is no lookup at all.
 * A ReplicaSet owned by something other than a Deployment (an Argo Rollout, say) is kept: it is
 * then the only view of those pods we have.
 */
export function isFoldedIntoOwner(kind: BuiltInWorkloadKind, value: Record<string, unknown>): boolean {
  if (kind !== 'ReplicaSet' && kind !== 'Job' && kind !== 'Pod') return false;
  const metadata = value.metadata;
  if (!isRecord(metadata) || !Array.isArray(metadata.ownerReferences)) return false;
  for (const ref of metadata.ownerReferences as unknown[]) {
    if (!isRecord(ref) || ref.controller !== true) continue;
    if (kind === 'Pod') return true;
    if (kind === 'ReplicaSet' && ref.kind === 'Deployment') return true;
    if (kind === 'Job' && ref.kind === 'CronJob') return true;
  }
  return false;
}

export interface CheckedTemplate {
  metadata?: { labels?: StringMap; annotations?: StringMap };
  spec: PodSpec;
}

export const templateOf = (t: CheckedTemplate): PodTemplate => ({
  metadata: { labels: t.metadata?.labels ?? {}, annotations: withoutLastApplied(t.metadata?.annotations ?? {}) },
  spec: t.spec,
});

/** A workload is identified, and ordered, by its key: one flat string (see entryInfo) serves as both. */
function workloadEntry(input: KubeInput, namespace: string | null, name: string): EntryInfo {
  const key = [input.kind, namespace ?? 'default', name].join('/');
  return { identity: key, label: labelOf(input.kind, namespace, name), sortKey: key, origin: input.origin };
}

/**
 * Whether a Job or bare Pod has run to its end, from the status the export carries: a Job's
 * Complete or Failed condition, a Pod's phase. Other kinds keep running, so they never finish.
 */
export function finishedState(kind: BuiltInWorkloadKind, status: unknown): Workload['finished'] {
  if (!isRecord(status)) return null;
  if (kind === 'Pod') return status.phase === 'Succeeded' ? 'succeeded' : status.phase === 'Failed' ? 'failed' : null;
  if (kind !== 'Job' || !Array.isArray(status.conditions)) return null;
  const holds = (type: string) => (status.conditions as unknown[]).some((c) => isRecord(c) && c.type === type && c.status === 'True');
  return holds('Complete') ? 'succeeded' : holds('Failed') ? 'failed' : null;
}

/** Throws ShapeError when the document does not fit its kind. */
export function addWorkload(kind: BuiltInWorkloadKind, input: KubeInput, out: InventoryCollector): void {
  const read = readObject(input, DOCUMENT_SHAPES[kind], workloadEntry);
  const metadata = namespacedMeta(read);
  const spec = read.doc.spec as Record<string, unknown>;

  let template: PodTemplate;
  let replicas: number | null = null;
  let nodeName: string | null = null;
  let volumeClaimTemplates: Workload['volumeClaimTemplates'] = [];
  switch (kind) {
    case 'Pod':
      template = { metadata: { labels: metadata.labels, annotations: metadata.annotations }, spec: spec as unknown as PodSpec };
      replicas = 1;
      nodeName = (spec as unknown as PodSpec).nodeName ?? null;
      break;
    case 'CronJob':
      template = templateOf((spec as { jobTemplate: { spec: { template: CheckedTemplate } } }).jobTemplate.spec.template);
      break;
    case 'DaemonSet':
    case 'Job':
      template = templateOf(spec.template as CheckedTemplate);
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet': {
      template = templateOf(spec.template as CheckedTemplate);
      replicas = (spec.replicas as number | undefined) ?? 1;
      const claims = spec.volumeClaimTemplates as { metadata: { name: string }; spec: PersistentVolumeClaimSpec }[] | undefined;
      volumeClaimTemplates = (claims ?? []).map((claim) => ({ name: claim.metadata.name, spec: claim.spec }));
      break;
    }
  }

  // Literal credentials in env and flags are removed here, once, for every output.
  const redacted = redactPodSpec(template.spec);
  if (redacted !== template.spec) template = { ...template, spec: redacted };

  const key = read.entry.identity;
  const workload: Workload = {
    key,
    kind,
    apiVersion: input.apiVersion,
    metadata,
    replicas,
    template,
    volumeClaimTemplates,
    nodeName,
    finished: finishedState(kind, read.doc.status),
    origin: input.origin,
  };
  out.add('workloads', workload, read.entry);
}
