import type { WorkloadEdit } from '@modeshift/plan';
import { isBuiltInWorkload, type Workload } from '../inventory/types.js';
import { strategicPatch, templatePath } from '../plan/patches.js';
import { jsonPatchOps, needsJsonPatch, type JsonPatchOp } from './json-patch.js';

const nonEmpty = <T extends object>(map: T): boolean => Object.keys(map).length > 0;

/** name, namespace and only the label and annotation maps that hold something, as a manifest writes them. */
function metadataOf(w: Workload, labels: Workload['metadata']['labels'], annotations: Workload['metadata']['annotations']): Record<string, unknown> {
  return {
    name: w.metadata.name,
    namespace: w.metadata.namespace,
    ...(nonEmpty(labels) ? { labels } : {}),
    ...(nonEmpty(annotations) ? { annotations } : {}),
  };
}

function templateOf(w: Workload): Record<string, unknown> {
  const { labels, annotations } = w.template.metadata;
  const metadata = { ...(nonEmpty(labels) ? { labels } : {}), ...(nonEmpty(annotations) ? { annotations } : {}) };
  return { ...(nonEmpty(metadata) ? { metadata } : {}), spec: w.template.spec };
}

/**
 * The workload as modeshift read it: the fields it reads, with the values the inventory reader redacted
 * left redacted. Enough for `kubectl kustomize` to render a wave's patches onto; an operator's own
 * manifests take its place in their repository.
 */
export function baseObject(w: Workload): Record<string, unknown> | null {
  const head = { apiVersion: w.apiVersion, kind: w.kind, metadata: metadataOf(w, w.metadata.labels, w.metadata.annotations) };
  const replicas = w.replicas === null ? {} : { replicas: w.replicas };
  // Operators' kinds (RayCluster, Rollout, …): only their pod templates were read.
  if (!isBuiltInWorkload(w)) return null;
  switch (w.kind) {
    case 'Pod':
      return { ...head, spec: w.template.spec };
    case 'CronJob':
      return { ...head, spec: { jobTemplate: { spec: { template: templateOf(w) } } } };
    case 'DaemonSet':
    case 'Job':
      return { ...head, spec: { template: templateOf(w) } };
    case 'StatefulSet': {
      const claims = w.volumeClaimTemplates.map((c) => ({ metadata: { name: c.name }, spec: c.spec }));
      return { ...head, spec: { ...replicas, template: templateOf(w), ...(claims.length > 0 ? { volumeClaimTemplates: claims } : {}) } };
    }
    case 'Deployment':
    case 'ReplicaSet':
      return { ...head, spec: { ...replicas, template: templateOf(w) } };
  }
}

/**
 * The strategic-merge patch of a move as a file kustomize reads: the object's identity, then the same
 * patch `kubectl patch` gets in the plan. A bare Pod's patch sets its own metadata, merged with the name.
 */
export function patchObject(w: Workload, edits: WorkloadEdit[]): Record<string, unknown> | null {
  const patch = strategicPatch(w, edits);
  if (!patch) return null;
  const { metadata, ...rest } = patch;
  const identity = { name: w.metadata.name, namespace: w.metadata.namespace };
  return { apiVersion: w.apiVersion, kind: w.kind, metadata: { ...identity, ...(metadata as Record<string, unknown> | undefined) }, ...rest };
}

/**
 * A move's change as kustomize patches of the object in base/: a strategic-merge patch for what it says
 * exactly (map keys set or removed, fields dropped, a container's resources), JSON 6902 operations for
 * list elements (tolerations, host ports), computed against `base` itself.
 */
export function overlayPatches(
  w: Workload,
  base: Record<string, unknown>,
  edits: readonly WorkloadEdit[],
): { strategic: Record<string, unknown> | null; json: JsonPatchOp[] } {
  const listEdits = edits.filter(needsJsonPatch);
  const strategic = patchObject(
    w,
    edits.filter((e) => !needsJsonPatch(e)),
  );
  const json = listEdits.length > 0 ? jsonPatchOps(base, `/${[...templatePath(w), 'spec'].join('/')}`, listEdits) : [];
  return { strategic, json };
}
