import type {
  IngressClassSpec,
  IngressSpec,
  NodeClassSpec,
  NodePoolSpec,
  ObjectMeta,
  PersistentVolumeClaimSpec,
  PersistentVolumeSpec,
  PodDisruptionBudgetSpec,
  SecurityGroupPolicySpec,
  ServiceSpec,
  StringMap,
} from '../kube.js';
import type { InventoryCollector } from './collector.js';
import {
  document,
  hpaSpec,
  ingressClassSpec,
  ingressSpec,
  nodeClassSpec,
  nodePoolSpec,
  pdbSpec,
  pvcSpec,
  pvSpec,
  securityGroupPolicySpec,
  serviceSpec,
  taint,
} from './kube-shapes.js';
import { entryInfo, namespacedMeta, namespaceOf, readObject, type KubeInput, type ReadObject } from './kube-object.js';
import { isWorkloadKind, type KubeBucket } from './kinds.js';
import { anyObject, conform, listOf, name, object, required, str, stringMap, type Shape } from './shape.js';
import { redactConfigMapData } from './redact.js';
import type { Node, OtherObject } from './types.js';
import { addWorkload, isFoldedIntoOwner } from './workloads.js';
import { addOperatorWorkloads } from './operator-workloads.js';
import { podsHeldBy } from './pod-spec-search.js';

/** Adds one Kubernetes document to its bucket. Throws ShapeError when the document is malformed. */
type Adder = (input: KubeInput, out: InventoryCollector) => void;

const anyDocument = document(anyObject);
const namespaceDocument = document(anyObject, { name: 'dns-label' });
// Service names become DNS names of their own, so Kubernetes holds them to RFC 1035 labels.
const serviceDocument = document(serviceSpec, { name: 'dns-1035-label' });
const ingressDocument = document(ingressSpec);
const ingressClassDocument = document(ingressClassSpec);
const pvcDocument = document(pvcSpec);
const pvDocument = document(pvSpec);
const pdbDocument = document(pdbSpec);
const sgpDocument = document(securityGroupPolicySpec);
const nodePoolDocument = document(nodePoolSpec);
const nodeClassDocument = document(nodeClassSpec);
const hpaDocument = document(hpaSpec);
const nodeDocument = document(object({ taints: listOf(taint) }));
const storageClassDocument = document(anyObject, { extra: { provisioner: required(str), parameters: stringMap } });
const configMapDocument = document(anyObject, { extra: { data: stringMap } });
// Secrets: `data` and `stringData` are deliberately not declared: they are never checked, and only the
// name and type reach the inventory.
const secretDocument = document(anyObject, { extra: { type: str } });
// Kinds no rule reads only need a name: anything else about them may be as odd as it likes.
// Their names still reach messages and commands, so they must be what some API server would accept.
const otherDocument = object({ metadata: required(object({ name: required(name('path-segment')), namespace: name('namespace') })) });

/** The common case: the object as it is, its spec checked against the bucket's shape. */
function plain<Spec>(input: KubeInput, shape: Shape) {
  const read = readObject(input, shape);
  return { read, item: itemOf<Spec>(input, read, read.metadata) };
}

function itemOf<Spec, M extends ObjectMeta = ObjectMeta>(input: KubeInput, read: ReadObject, metadata: M) {
  return { apiVersion: input.apiVersion, kind: input.kind, metadata, spec: (read.doc.spec ?? {}) as Spec, origin: input.origin };
}

// Built with its final metadata, not copied from plain's item: this runs for tens of thousands of objects.
function namespaced<Spec>(input: KubeInput, shape: Shape) {
  const read = readObject(input, shape);
  return { read, item: itemOf<Spec, ObjectMeta & { namespace: string }>(input, read, namespacedMeta(read)) };
}

const ADDERS: Record<KubeBucket, Adder> = {
  workloads: (input, out) => {
    const { kind } = input;
    if (!isWorkloadKind(kind)) throw new Error(`not a workload kind: ${kind}`);
    if (!isFoldedIntoOwner(kind, input.value)) addWorkload(kind, input, out);
  },
  operatorWorkloads: addOperatorWorkloads,
  namespaces: (input, out) => {
    const { read, item } = plain<Record<string, unknown>>(input, namespaceDocument);
    out.add('namespaces', item, read.entry);
  },
  nodes: (input, out) => {
    const read = readObject(input, nodeDocument);
    const spec = (read.doc.spec ?? {}) as { taints?: Node['taints'] };
    const node: Node = { name: read.metadata.name, labels: read.metadata.labels, taints: spec.taints ?? [], origin: input.origin };
    out.add('nodes', node, read.entry);
  },
  services: (input, out) => {
    const { read, item } = namespaced<ServiceSpec>(input, serviceDocument);
    out.add('services', item, read.entry);
  },
  ingresses: (input, out) => {
    const { read, item } = namespaced<IngressSpec>(input, ingressDocument);
    out.add('ingresses', item, read.entry);
  },
  ingressClasses: (input, out) => {
    const { read, item } = plain<IngressClassSpec>(input, ingressClassDocument);
    out.add('ingressClasses', item, read.entry);
  },
  ingressClassParams: (input, out) => {
    const { read, item } = plain<Record<string, unknown>>(input, anyDocument);
    out.add('ingressClassParams', item, read.entry);
  },
  storageClasses: (input, out) => {
    const read = readObject(input, storageClassDocument);
    const { provisioner, parameters } = read.doc as { provisioner: string; parameters?: StringMap };
    const item = {
      apiVersion: input.apiVersion,
      kind: input.kind,
      metadata: read.metadata,
      spec: {},
      provisioner,
      parameters: parameters ?? {},
      origin: input.origin,
    };
    out.add('storageClasses', item, read.entry);
  },
  persistentVolumeClaims: (input, out) => {
    const { read, item } = namespaced<PersistentVolumeClaimSpec>(input, pvcDocument);
    out.add('persistentVolumeClaims', item, read.entry);
  },
  persistentVolumes: (input, out) => {
    const { read, item } = plain<PersistentVolumeSpec>(input, pvDocument);
    out.add('persistentVolumes', item, read.entry);
  },
  podDisruptionBudgets: (input, out) => {
    const { read, item } = namespaced<PodDisruptionBudgetSpec>(input, pdbDocument);
    out.add('podDisruptionBudgets', item, read.entry);
  },
  networkPolicies: (input, out) => {
    const { read, item } = namespaced<Record<string, unknown>>(input, anyDocument);
    out.add('networkPolicies', item, read.entry);
  },
  serviceAccounts: (input, out) => {
    const read = readObject(input, anyDocument);
    out.add('serviceAccounts', { metadata: namespacedMeta(read), origin: input.origin }, read.entry);
  },
  securityGroupPolicies: (input, out) => {
    const { read, item } = namespaced<SecurityGroupPolicySpec>(input, sgpDocument);
    out.add('securityGroupPolicies', item, read.entry);
  },
  nodePools: (input, out) => {
    const { read, item } = plain<NodePoolSpec>(input, nodePoolDocument);
    out.add('nodePools', item, read.entry);
  },
  nodeClasses: (input, out) => {
    const { read, item } = plain<NodeClassSpec>(input, nodeClassDocument);
    out.add('nodeClasses', item, read.entry);
  },
  configMaps: (input, out) => {
    const read = readObject(input, configMapDocument);
    // Log agent configurations carry credentials in clear: removed here, once, for every output.
    const data = redactConfigMapData((read.doc.data as StringMap | undefined) ?? {});
    out.add('configMaps', { metadata: namespacedMeta(read), data, origin: input.origin }, read.entry);
  },
  horizontalPodAutoscalers: (input, out) => {
    const { read, item } = namespaced<Record<string, unknown>>(input, hpaDocument);
    out.add('horizontalPodAutoscalers', item, read.entry);
  },
  secrets: (input, out) => {
    const read = readObject(input, secretDocument);
    const type = (read.doc.type as string | undefined) ?? null;
    out.add('secrets', { namespace: read.namespace ?? 'default', name: read.metadata.name, type }, read.entry);
  },
  other: (input, out) => {
    const doc = conform(otherDocument, input.value) as { metadata: { name: string; namespace?: string } };
    const namespace = namespaceOf(input.info, doc.metadata.namespace);
    const { name } = doc.metadata;
    const holdsPods = podsHeldBy(input.info.group, input.kind, input.value.spec);
    const item: OtherObject = { apiVersion: input.apiVersion, kind: input.kind, namespace, name, origin: input.origin };
    if (holdsPods !== null) item.holdsPods = holdsPods;
    out.add('other', item, entryInfo(input, namespace, name));
  },
};

export function addKubeObject(input: KubeInput, out: InventoryCollector): void {
  ADDERS[input.info.bucket](input, out);
}
