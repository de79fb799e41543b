// Deterministic synthetic EKS estates of any size, for the bench and for tests that need a large
// inventory: the same options always give the same bytes.
import { stringify } from 'yaml';
import { clusterDocuments, DOMAINS, type Direction, type Domain } from './generate-cluster.js';
import { meta, namespaceDocuments, type Emit } from './generate-workloads.js';
import { Random } from './random.js';

export type { Direction } from './generate-cluster.js';
export const DIRECTIONS: readonly Direction[] = ['to-auto-mode', 'to-fargate'];

export interface GenerateOptions {
  /** This many workloads (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs), at least the seven system ones. */
  workloads: number;
  direction: Direction;
  seed?: number;
}

export interface GeneratedInventory {
  /** Kubernetes objects and AWS CLI outputs, grouped by kind as `kubectl get a,b,c -A` prints them. */
  documents: Record<string, unknown>[];
  workloads: number;
  namespaces: number;
}

// Share of namespaces per domain: most of an estate is ordinary services.
const DOMAIN_WEIGHTS: readonly (readonly [Domain, number])[] = [
  ['shop', 20],
  ['payments', 8],
  ['search', 8],
  ['data', 10],
  ['ml', 6],
  ['batch', 12],
  ['web', 24],
  ['platform', 12],
];

const KIND_ORDER = [
  'Namespace',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Service',
  'Ingress',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'ServiceAccount',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'NetworkPolicy',
  'SecurityGroupPolicy',
  'StorageClass',
  'IngressClass',
  'IngressClassParams',
  'NodePool',
  'NodeClass',
];

function systemWorkload(
  rnd: Random,
  kind: 'Deployment' | 'DaemonSet',
  ns: string,
  name: string,
  labels: Record<string, string>,
  spec: Record<string, unknown>,
  annotations: Record<string, string> = {},
): Record<string, unknown> {
  const container = {
    name,
    image: `602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/${name}:v1.${rnd.int(10, 30)}.0`,
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    ...(spec.container as object | undefined),
  };
  const { container: _c, replicas, ...podSpec } = spec;
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: meta(rnd, name, ns, { labels }),
    spec: {
      ...(kind === 'Deployment' ? { replicas: replicas ?? 2 } : {}),
      selector: { matchLabels: labels },
      template: { metadata: { annotations, labels }, spec: { containers: [container], serviceAccountName: name, ...podSpec } },
    },
  };
}

/** kube-system, monitoring and logging: the same few objects whatever the estate's size. */
function systemDocuments(rnd: Random, direction: Direction, emit: Emit): number {
  const fargate = direction === 'to-auto-mode';
  for (const ns of ['kube-system', 'monitoring', ...(fargate ? ['aws-observability'] : ['amazon-cloudwatch'])]) {
    const labels = ns === 'aws-observability' ? { 'aws-observability': 'enabled' } : {};
    emit({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(rnd, ns, null, { labels }) });
  }
  const list: Record<string, unknown>[] = [
    systemWorkload(
      rnd,
      'Deployment',
      'kube-system',
      'coredns',
      { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' },
      {},
      fargate ? { 'eks.amazonaws.com/compute-type': 'fargate' } : {},
    ),
    systemWorkload(rnd, 'Deployment', 'kube-system', 'metrics-server', { 'k8s-app': 'metrics-server' }, {}),
    systemWorkload(rnd, 'Deployment', 'monitoring', 'grafana', { app: 'grafana' }, { replicas: 1 }),
    systemWorkload(
      rnd,
      'DaemonSet',
      'monitoring',
      'node-exporter',
      { app: 'node-exporter' },
      {
        hostNetwork: true,
        hostPID: true,
        volumes: [
          { name: 'proc', hostPath: { path: '/proc' } },
          { name: 'sys', hostPath: { path: '/sys' } },
        ],
        container: {
          volumeMounts: [
            { name: 'proc', mountPath: '/host/proc', readOnly: true },
            { name: 'sys', mountPath: '/host/sys', readOnly: true },
          ],
        },
      },
    ),
  ];
  if (fargate) {
    list.push(
      systemWorkload(rnd, 'Deployment', 'kube-system', 'aws-load-balancer-controller', { 'app.kubernetes.io/name': 'aws-load-balancer-controller' }, {}),
    );
    list.push(systemWorkload(rnd, 'DaemonSet', 'kube-system', 'aws-node', { 'k8s-app': 'aws-node' }, { hostNetwork: true }));
    list.push(systemWorkload(rnd, 'DaemonSet', 'kube-system', 'kube-proxy', { 'k8s-app': 'kube-proxy' }, { hostNetwork: true }));
    emit({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta(rnd, 'aws-logging', 'aws-observability'),
      data: {
        'output.conf':
          '[OUTPUT]\n    Name cloudwatch_logs\n    Match *\n    region us-east-1\n    log_group_name /eks/estate-prod/pods\n    auto_create_group true\n',
      },
    });
  } else {
    list.push(
      systemWorkload(
        rnd,
        'DaemonSet',
        'amazon-cloudwatch',
        'fluent-bit',
        { 'k8s-app': 'fluent-bit' },
        {
          volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
          container: { volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }] },
        },
      ),
    );
    emit({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta(rnd, 'fluent-bit-config', 'amazon-cloudwatch'),
      data: {
        'fluent-bit.conf':
          '[INPUT]\n    Name tail\n    Path /var/log/containers/*.log\n\n[OUTPUT]\n    Name cloudwatch_logs\n    Match *\n    region us-east-1\n    log_group_name /eks/estate-prod/pods\n',
      },
    });
  }
  for (const doc of list) {
    emit(doc);
    const name = (doc.metadata as { name: string; namespace: string }).name;
    emit({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(rnd, name, (doc.metadata as { namespace: string }).namespace) });
  }
  return list.length;
}

/** A whole estate. Namespaces hold 4–16 workloads each, so 20,000 workloads means ~2,000 namespaces. */
export function generateInventory(options: GenerateOptions): GeneratedInventory {
  const rnd = new Random(options.seed ?? 0x5eed);
  const byKind = new Map<string, Record<string, unknown>[]>();
  const aws: Record<string, unknown>[] = [];
  const emit: Emit = (doc) => {
    const kind = typeof doc.kind === 'string' ? doc.kind : null;
    if (kind === null) return void aws.push(doc);
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(doc);
  };
  for (const doc of clusterDocuments(rnd, options.direction)) emit(doc as Record<string, unknown>);
  let workloads = Math.min(options.workloads, systemDocuments(rnd, options.direction, emit));
  let namespaces = 0;
  const perDomain = new Map<Domain, number>(DOMAINS.map((d) => [d, 0]));
  while (workloads < options.workloads) {
    const domain = rnd.weighted(DOMAIN_WEIGHTS);
    const n = (perDomain.get(domain) ?? 0) + 1;
    perDomain.set(domain, n);
    const size = Math.min(rnd.int(4, 16), options.workloads - workloads);
    const namespace = `${domain}-${String(n).padStart(4, '0')}`;
    workloads += namespaceDocuments({ rnd, direction: options.direction, namespace, domain, size }, emit);
    namespaces += 1;
  }
  const ordered = [...byKind.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const documents = [...aws];
  for (const kind of ordered) for (const doc of byKind.get(kind)!) documents.push(doc);
  return { documents, workloads, namespaces };
}

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/**
 * What `kubectl get … -A -o json` prints: one List, four-space indent; with `singleLine`, the same List on
 * one line, as `kubectl get … -o json | jq -c` and many exports write it.
 */
export function toJsonList(documents: readonly unknown[], options: { singleLine?: boolean } = {}): string {
  const list = { apiVersion: 'v1', items: documents, kind: 'List', metadata: { resourceVersion: '' } };
  return `${options.singleLine === true ? JSON.stringify(list) : JSON.stringify(list, null, 4)}\n`;
}

/**
 * The estate as many exports hold it: Kubernetes objects without `status` and `metadata.managedFields`,
 * which no rule reads (AWS CLI outputs, which have no `kind`, are kept as they are). Shallow copies: the
 * generated documents are not changed.
 */
export function compactDocuments(documents: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return documents.map((doc) => {
    if (typeof doc.kind !== 'string') return doc;
    const { status: _status, ...rest } = doc;
    const metadata = rest.metadata;
    if (metadata === null || typeof metadata !== 'object' || !('managedFields' in metadata)) return rest;
    const { managedFields: _managedFields, ...meta } = metadata as Record<string, unknown>;
    return { ...rest, metadata: meta };
  });
}

/** One YAML document per object, as Helm renders them; sequences unindented, as kubectl prints YAML. */
export function toYamlStream(documents: readonly unknown[]): string {
  const parts: string[] = [];
  for (const doc of documents) parts.push('---\n', stringify(doc, { indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false }));
  return parts.join('');
}
