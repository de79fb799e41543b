import type { ObjectMeta, Origin, OwnerReference, StringMap } from '../kube.js';
import type { EntryInfo } from './collector.js';
import type { KindInfo } from './kinds.js';
import { conformShared, type Shape } from './shape.js';

/** A document already known to be a Kubernetes object: apiVersion and kind are non-empty strings. */
export interface KubeInput {
  apiVersion: string;
  kind: string;
  info: KindInfo;
  value: Record<string, unknown>;
  origin: Origin;
}

/** What reading one Kubernetes document yields, ready to be turned into an inventory entry. */
export interface ReadObject {
  /** The document, checked against its shape. */
  doc: Record<string, unknown>;
  metadata: ObjectMeta;
  namespace: string | null;
  entry: EntryInfo;
}

// kubectl apply stores the whole applied object here, a Secret's data included, so it never leaves the reader.
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function withoutLastApplied(annotations: StringMap): StringMap {
  if (!Object.hasOwn(annotations, LAST_APPLIED)) return annotations;
  const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
  return rest;
}

interface CheckedMeta {
  name: string;
  namespace?: string;
  labels?: StringMap;
  annotations?: StringMap;
  ownerReferences?: OwnerReference[];
}

/**
 * Only the fields ObjectMeta declares are kept: managedFields, uid, resourceVersion and timestamps
 * change on every collect and would make two inventories of the same cluster differ.
 */
function cleanMetadata(meta: CheckedMeta, namespace: string | null): ObjectMeta {
  const out: ObjectMeta = { name: meta.name, labels: meta.labels ?? {}, annotations: withoutLastApplied(meta.annotations ?? {}) };
  if (namespace !== null) out.namespace = namespace;
  if (meta.ownerReferences) {
    out.ownerReferences = meta.ownerReferences.map(({ apiVersion, kind, name, controller }) => {
      const ref: OwnerReference = { kind, name };
      if (apiVersion !== undefined) ref.apiVersion = apiVersion;
      if (controller !== undefined) ref.controller = controller;
      return ref;
    });
  }
  return out;
}

export function namespaceOf(info: KindInfo, written: string | undefined): string | null {
  if (info.clusterScoped) return null;
  return written === undefined || written === '' ? 'default' : written;
}

export function labelOf(kind: string, namespace: string | null, name: string): string {
  return namespace === null ? `${kind} ${name}` : `${kind} ${namespace}/${name}`;
}

/**
 * Identity and sort key are joined in one go (the same strings sortKeyOf and a template would give):
 * a join makes one flat string, where `+` makes a tree of pieces that the map and the sort flatten
 * later, and the collector holds both until it sorts, across tens of thousands of objects.
 */
export function entryInfo(input: KubeInput, namespace: string | null, name: string): EntryInfo {
  const { kind, info, origin } = input;
  return {
    identity: [info.group, kind, namespace ?? '', name].join('/'),
    label: labelOf(kind, namespace, name),
    sortKey: [namespace ?? '', name, kind, info.group].join('\u0000'),
    origin,
  };
}

/**
 * Checks a document against its shape (throws ShapeError) and works out its namespace and identity
 * (`entry` names it when the bucket identifies objects differently, as workloads do).
 */
export function readObject(input: KubeInput, shape: Shape, entry: typeof entryInfo = entryInfo): ReadObject {
  const doc = conformShared(shape, input.value) as Record<string, unknown>;
  const meta = doc.metadata as CheckedMeta;
  const namespace = namespaceOf(input.info, meta.namespace);
  return { doc, metadata: cleanMetadata(meta, namespace), namespace, entry: entry(input, namespace, meta.name) };
}

/** For buckets whose kinds are namespaced: the metadata with its namespace made non-optional. */
export function namespacedMeta(read: ReadObject): ObjectMeta & { namespace: string } {
  const namespace = read.namespace ?? 'default';
  // cleanMetadata already set it for namespaced kinds: no second copy of every object's metadata.
  if (read.metadata.namespace === namespace) return read.metadata as ObjectMeta & { namespace: string };
  return { ...read.metadata, namespace };
}
