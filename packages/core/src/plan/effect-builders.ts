import type { WorkloadEdit } from '@modeshift/plan';
import type { Workload } from '../inventory/types.js';
import type { Effect, ObjectKind, ObjectRef } from '@modeshift/plan';
import type { Manifest } from '@modeshift/plan';

const OBJECT_KINDS: ReadonlySet<string> = new Set<ObjectKind>([
  'Service',
  'Ingress',
  'IngressClass',
  'IngressClassParams',
  'NetworkPolicy',
  'SecurityGroupPolicy',
  'NodePool',
  'NodeClass',
  'ConfigMap',
  'StorageClass',
  'ServiceAccount',
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'DaemonSet',
]);

function isObjectKind(kind: string): kind is ObjectKind {
  return OBJECT_KINDS.has(kind);
}

/** The objects a manifest holds (the items of a `kind: List`, or the object itself), as refs. */
export function manifestObjects(object: Record<string, unknown>): { ref: ObjectRef; object: Record<string, unknown> }[] {
  const items = object.kind === 'List' && Array.isArray(object.items) ? (object.items as Record<string, unknown>[]) : [object];
  return items.map((item) => {
    const kind = String(item.kind);
    const metadata = (item.metadata ?? {}) as { name?: unknown; namespace?: unknown };
    // A manifest of a kind the effect union does not know is a planner bug: fail loudly, in tests.
    if (!isObjectKind(kind)) throw new Error(`manifest holds a ${kind}, which no effect describes`);
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : null;
    return { ref: { kind, namespace, name: String(metadata.name) }, object: item };
  });
}

/** `kubectl apply -f <file>`: every object in the manifest is created (or updated). */
export function applyEffects(manifest: Manifest): Effect[] {
  return manifestObjects(manifest.object).map(({ ref }): Effect => ({ type: 'create-object', object: ref, manifest: manifest.file }));
}

/**
 * Edits to a pod template: patched in place where the kind allows it; Jobs and bare Pods have
 * immutable templates, so they are re-created, which runs them again.
 */
export function editEffect(workload: Workload, edits: WorkloadEdit[]): Effect | null {
  if (edits.length === 0) return null;
  return workload.kind === 'Job' || workload.kind === 'Pod'
    ? { type: 'recreate-workload', workload: workload.key, edits }
    : { type: 'patch-pod-template', workload: workload.key, edits };
}
