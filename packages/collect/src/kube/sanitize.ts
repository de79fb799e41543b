import type { KindSpec } from '../kinds.js';
import { byString } from '../util/order.js';

/** A listed object as written to the inventory: always with apiVersion, kind and metadata.name. */
export interface KubeItem {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
// Changes on every write or differs per cluster copy without meaning anything to a planner.
const VOLATILE_METADATA = ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation', 'selfLink'];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function cleanMetadata(metadata: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (VOLATILE_METADATA.includes(key)) continue;
    if (key === 'annotations' && isObject(value)) {
      const { [LAST_APPLIED]: _dropped, ...rest } = value;
      if (Object.keys(rest).length > 0) out.annotations = rest;
      continue;
    }
    out[key] = value;
  }
  return out;
}

function keptStatus(status: unknown, keep: readonly string[] | undefined): Json | undefined {
  if (!isObject(status) || keep === undefined) return undefined;
  const out: Json = {};
  for (const key of keep) if (status[key] !== undefined) out[key] = status[key];
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Secrets keep their name, namespace and labels and nothing else. Even metadata is not safe whole:
 * `kubectl apply` stores the full manifest, data included, in the last-applied annotation, so
 * annotations go too. This holds whatever the server sent, in case it ignored the metadata-only Accept.
 */
function secretName(metadata: Json): KubeItem {
  const kept: KubeItem['metadata'] = { name: String(metadata.name) };
  if (typeof metadata.namespace === 'string') kept.namespace = metadata.namespace;
  if (isObject(metadata.labels) && Object.keys(metadata.labels).length > 0) kept.labels = metadata.labels;
  return { apiVersion: 'v1', kind: 'Secret', metadata: kept };
}

/**
 * List items come without apiVersion and kind (the List carries them), so they are put back: the
 * inventory contract wants every item self-describing.
 */
export function sanitize(raw: unknown, spec: KindSpec, apiVersion: string): KubeItem | null {
  if (!isObject(raw) || !isObject(raw.metadata) || typeof raw.metadata.name !== 'string') return null;
  if (spec.metadataOnly) return secretName(raw.metadata);
  const item: KubeItem = { apiVersion, kind: spec.kind, metadata: cleanMetadata(raw.metadata) as KubeItem['metadata'] };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata' || key === 'status') continue;
    // binaryData is opaque to every rule and can be large.
    if (spec.kind === 'ConfigMap' && key === 'binaryData') continue;
    item[key] = value;
  }
  const status = keptStatus(raw.status, spec.statusKeep);
  if (status !== undefined) item.status = status;
  return item;
}

export function compareItems(a: KubeItem, b: KubeItem): number {
  return byString(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byString(a.metadata.name, b.metadata.name);
}
