// Every kind of pod-template edit the plan makes, written as the export's overlay, rendered by the real
// `kubectl kustomize`, must give the object the plan's own `kubectl patch` gives: the same change,
// whether the overlay says it as a strategic-merge patch or, for list elements, as JSON 6902 operations.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { WorkloadEdit } from '@modeshift/plan';
import { buildContext, buildPlan, exportFiles, SourceObjects, strategicPatch } from '@modeshift/core';
import { loadDocuments, loadInventory } from '@modeshift/inventory';
import { tempTree } from './testing.js';
import { HAS_KUBECTL, kubectl, tryKubectl } from './testing-kubectl.js';

const POD_SPEC = `
      nodeSelector: { karpenter.sh/nodepool: old, disk: ssd }
      tolerations:
        - { key: dedicated, operator: Equal, value: web, effect: NoSchedule }
        - { key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300 }
        - { key: spot, operator: Exists }
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms: [{ matchExpressions: [{ key: disk, operator: In, values: [ssd] }] }]
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - { weight: 1, podAffinityTerm: { topologyKey: kubernetes.io/hostname, labelSelector: { matchLabels: { app: web } } } }
      topologySpreadConstraints:
        - { maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } } }
      initContainers:
        - { name: init, image: busybox, ports: [{ containerPort: 9000, hostPort: 9000 }] }
      containers:
        - name: proxy
          image: envoy
          ports:
            - { containerPort: 80, hostPort: 80, protocol: TCP }
            - { containerPort: 81, protocol: TCP }
            - { containerPort: 80, hostPort: 80, hostIP: 10.0.0.1, protocol: UDP }
          securityContext: { capabilities: { add: [NET_ADMIN], drop: [ALL] } }
          resources: { requests: { cpu: "1", ephemeral-storage: 1Gi } }
        - { name: app, image: nginx, env: [{ name: DB_PASSWORD, value: hunter2 }] }`;

const INVENTORY = {
  'profile.json': JSON.stringify({
    fargateProfile: { fargateProfileName: 'apps', clusterName: 'demo', selectors: [{ namespace: 'shop' }], status: 'ACTIVE' },
  }),
  'web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  uid: 0b8f0c4e-1111-2222-3333-444455556666
  resourceVersion: "42"
  annotations: { team: storefront, kubectl.kubernetes.io/last-applied-configuration: '{"kind":"Deployment"}' }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
  template:
    metadata:
      labels: { app: web }
      annotations: { eks.amazonaws.com/compute-type: fargate, keep: "yes" }
    spec:${POD_SPEC}
status: { replicas: 2 }
`,
  'report.yaml': `apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: shop }
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: { app: web }
          annotations: { eks.amazonaws.com/compute-type: fargate }
        spec:
          restartPolicy: Never${POD_SPEC.replace(/\n/g, '\n    ')}
`,
};

const EDITS: Record<WorkloadEdit['op'], WorkloadEdit[]> = {
  'set-pod-annotation': [{ op: 'set-pod-annotation', key: 'eks.amazonaws.com/compute-type', value: 'ec2' }],
  'remove-pod-annotation': [{ op: 'remove-pod-annotation', key: 'eks.amazonaws.com/compute-type' }],
  'set-node-selector': [{ op: 'set-node-selector', key: 'karpenter.sh/nodepool', value: 'spot' }],
  'remove-node-selector': [{ op: 'remove-node-selector', key: 'disk' }],
  'add-toleration': [
    { op: 'add-toleration', toleration: { key: 'modeshift.io/spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' } },
    { op: 'add-toleration', toleration: { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' } },
  ],
  'remove-tolerations': [{ op: 'remove-tolerations', keys: ['dedicated', 'spot'] }],
  'remove-node-affinity': [{ op: 'remove-node-affinity' }],
  'remove-topology-spread': [{ op: 'remove-topology-spread' }],
  'set-resources': [{ op: 'set-resources', container: 'proxy', requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } }],
  'remove-host-ports': [
    { op: 'remove-host-ports', container: 'proxy' },
    { op: 'remove-host-ports', container: 'init' },
  ],
  'remove-added-capabilities': [{ op: 'remove-added-capabilities', container: 'proxy' }],
};

type KubeObject = { kind: string; metadata: { name: string } };

async function setting() {
  const dir = tempTree(INVENTORY);
  const { inventory } = await loadInventory([dir]);
  const ctx = buildContext(inventory, { target: 'auto-mode', clusterVersion: '1.31' });
  return { inventory, plan: buildPlan(ctx, undefined, { prices: null }), sources: new SourceObjects(await loadDocuments([dir])) };
}

function write(files: { path: string; content: string }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'modeshift-edit-'));
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
  }
  return root;
}

/** The plan's own live change: `kubectl patch` with its strategic-merge patch, on the object in base/. */
function livePatch(baseFile: string, patch: Record<string, unknown>): KubeObject {
  return JSON.parse(kubectl(['patch', '--local', '-f', baseFile, '--type', 'strategic', '-p', JSON.stringify(patch), '-o', 'json'])) as KubeObject;
}

/**
 * Ports are a list keyed by port and protocol, whose order means nothing; kubectl's merge of a CronJob's
 * `$patch: replace` list reorders them, the JSON patch keeps the order: both are compared sorted.
 */
function portsSorted(object: unknown): unknown {
  return JSON.parse(JSON.stringify(object), (key, value: unknown) =>
    key === 'ports' && Array.isArray(value)
      ? [...(value as { containerPort: number; protocol?: string }[])].sort(
          (a, b) => a.containerPort - b.containerPort || (a.protocol ?? '').localeCompare(b.protocol ?? ''),
        )
      : value,
  ) as unknown;
}

describe.skipIf(!HAS_KUBECTL)('every workload edit, as the export writes it and kubectl kustomize renders it', { timeout: 120_000 }, () => {
  it.each(Object.keys(EDITS) as WorkloadEdit['op'][])('%s gives what the plan’s kubectl patch gives, on a Deployment and a CronJob', async (op) => {
    const { inventory, plan, sources } = await setting();
    const moves = inventory.workloads.map((workload) => ({ workload, edits: EDITS[op], optional: [], findings: [] }));
    const root = write(exportFiles(plan, moves, sources));
    const rendered = parseAllDocuments(kubectl(['kustomize', join(root, 'waves/01-shop')])).map((d) => d.toJS() as KubeObject);
    for (const w of inventory.workloads) {
      const baseFile = join(root, `base/shop/${w.kind.toLowerCase()}-${w.metadata.name}.yaml`);
      const base = parse(readFileSync(baseFile, 'utf8')) as KubeObject;
      const actual = rendered.find((o) => o.kind === w.kind);
      expect(portsSorted(actual), `${op} on ${w.kind}`).toEqual(portsSorted(livePatch(baseFile, strategicPatch(w, EDITS[op])!)));
      expect(actual, `${op} changes ${w.kind}`).not.toEqual(base);
    }
  });

  it('says list-element changes as JSON 6902 operations that test each element first', async () => {
    const { inventory, plan, sources } = await setting();
    const web = inventory.workloads.find((w) => w.kind === 'Deployment')!;
    const files = new Map(
      exportFiles(plan, [{ workload: web, edits: EDITS['remove-tolerations'], optional: [], findings: [] }], sources).map((f) => [f.path, f.content]),
    );
    expect(parse(files.get('waves/01-shop/patches/deployment-web.json-patch.yaml')!)).toEqual([
      { op: 'test', path: '/spec/template/spec/tolerations/2', value: { key: 'spot', operator: 'Exists' } },
      { op: 'remove', path: '/spec/template/spec/tolerations/2' },
      { op: 'test', path: '/spec/template/spec/tolerations/0', value: { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' } },
      { op: 'remove', path: '/spec/template/spec/tolerations/0' },
    ]);
    expect(files.has('waves/01-shop/patches/deployment-web.yaml')).toBe(false);
  });

  it('refuses to build an overlay whose base no longer holds the element a test names', async () => {
    const { inventory, plan, sources } = await setting();
    const web = inventory.workloads.find((w) => w.kind === 'Deployment')!;
    const root = write(exportFiles(plan, [{ workload: web, edits: EDITS['remove-tolerations'], optional: [], findings: [] }], sources));
    const baseFile = join(root, 'base/shop/deployment-web.yaml');
    writeFileSync(baseFile, readFileSync(baseFile, 'utf8').replace('key: spot', 'key: spot-changed'));
    const result = tryKubectl(['kustomize', join(root, 'waves/01-shop')]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('test failed');
  });
});

describe('base/ of the export', () => {
  it('holds the object as the inventory has it, without status, server-set metadata or the last-applied copy', async () => {
    const { inventory, plan, sources } = await setting();
    const web = inventory.workloads.find((w) => w.kind === 'Deployment')!;
    const files = new Map(
      exportFiles(plan, [{ workload: web, edits: EDITS['set-pod-annotation'], optional: [], findings: [] }], sources).map((f) => [f.path, f.content]),
    );
    const base = parse(files.get('base/shop/deployment-web.yaml')!) as Record<string, Record<string, unknown>>;
    expect(base.spec).toMatchObject({ selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate' } });
    expect(base.metadata).toEqual({ name: 'web', namespace: 'shop', annotations: { team: 'storefront' } });
    expect(base.status).toBeUndefined();
    expect(files.get('base/shop/deployment-web.yaml')).toMatch(/^# Deployment shop\/web as the inventory has it/);
    expect(files.get('base/shop/deployment-web.yaml')).not.toContain('hunter2');
    expect(files.get('base/shop/deployment-web.yaml')).toContain('value: <redacted>');
  });
});
