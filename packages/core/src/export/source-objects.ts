// The objects a wave patches, as the inventory's files hold them: what `kubectl get -o yaml` gave (or the
// operator's own manifests), not rebuilt from modeshift's model, so the overlay renders the object the
// operator has. Only what no manifest carries is taken out (status, what the API server sets), and
// what must never be written: kubectl's last-applied copy, which can hold a Secret's data, and literal
// credentials in the pod template, redacted as in every other output.
import type { RawDocument } from '../inventory/documents.js';
import { isRecord } from '../inventory/shape.js';
import { withoutLastApplied } from '../inventory/kube-object.js';
import { redactPodSpec } from '../inventory/redact.js';
import type { Workload } from '../inventory/types.js';
import type { PodSpec, StringMap } from '../kube.js';
import { templatePath } from '../plan/patches.js';

/** Set by the API server on every object: a manifest does not carry them. */
const SERVER_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

const originKey = (file: string, line: number) => `${file}:${line}`;

/** The inventory's documents, found by where they were read (a workload remembers it) and by kind, namespace and name. */
export class SourceObjects {
  private readonly byOrigin = new Map<string, Record<string, unknown>>();
  private readonly byIdentity = new Map<string, Record<string, unknown>>();

  constructor(documents: readonly RawDocument[]) {
    for (const doc of documents) {
      const value = doc.value;
      if (!isRecord(value) || !isRecord(value.metadata) || typeof value.kind !== 'string' || typeof value.metadata.name !== 'string') continue;
      this.byOrigin.set(originKey(doc.origin.file, doc.origin.line), value);
      const namespace = typeof value.metadata.namespace === 'string' ? value.metadata.namespace : '';
      const identity = `${value.kind}/${namespace}/${value.metadata.name}`;
      if (!this.byIdentity.has(identity)) this.byIdentity.set(identity, value);
    }
  }

  /** The document the workload was read from, cleaned; null when the inventory has none for it (then the model stands in). */
  objectOf(w: Workload): Record<string, unknown> | null {
    const raw = this.byOrigin.get(originKey(w.origin.file, w.origin.line)) ?? this.byIdentity.get(`${w.kind}/${w.metadata.namespace}/${w.metadata.name}`);
    if (!raw || raw.kind !== w.kind || !isRecord(raw.metadata) || raw.metadata.name !== w.metadata.name) return null;
    return cleaned(raw, w);
  }
}

function cleaned(raw: Record<string, unknown>, w: Workload): Record<string, unknown> {
  const { status: _status, ...rest } = structuredClone(raw);
  const metadata = rest.metadata as Record<string, unknown>;
  for (const key of SERVER_METADATA) delete metadata[key];
  if (isRecord(metadata.annotations)) {
    const annotations = withoutLastApplied(metadata.annotations as StringMap);
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    else delete metadata.annotations;
  }
  rest.apiVersion ??= w.apiVersion;
  // The namespace a manifest may leave to kubectl is the one the inventory read it in.
  metadata.namespace ??= w.metadata.namespace;
  const path = [...templatePath(w), 'spec'];
  const holder = path.slice(0, -1).reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), rest);
  if (isRecord(holder) && isRecord(holder.spec) && Array.isArray(holder.spec.containers)) holder.spec = redactPodSpec(holder.spec as unknown as PodSpec);
  return rest;
}
