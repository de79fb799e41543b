import { describe, expect, it } from 'vitest';
import { emptyInventory } from './types.js';
import { deployment, normalize, object } from './__fixtures__/raw.js';

describe('Kubernetes object buckets', () => {
  it('fills each bucket from its kind, namespaced kinds defaulting to "default"', () => {
    const { inventory, problems } = normalize(
      object('v1', 'Namespace', 'shop', undefined, { metadata: { name: 'shop', labels: { team: 'a' } } }),
      object('v1', 'Node', 'ip-10-0-1-2', undefined, {
        metadata: { name: 'ip-10-0-1-2', labels: { 'eks.amazonaws.com/compute-type': 'fargate' } },
        spec: { taints: [{ key: 'eks.amazonaws.com/compute-type', value: 'fargate', effect: 'NoSchedule' }] },
      }),
      object('v1', 'Service', 'web', 'shop', { spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } }),
      object('networking.k8s.io/v1', 'Ingress', 'web', 'shop', {
        spec: { ingressClassName: 'alb', rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web' } } }] } }] },
      }),
      object('networking.k8s.io/v1', 'IngressClass', 'alb', undefined, {
        spec: { controller: 'eks.amazonaws.com/alb', parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: 'alb' } },
      }),
      object('eks.amazonaws.com/v1', 'IngressClassParams', 'alb', undefined, { spec: { scheme: 'internet-facing' } }),
      object('elbv2.k8s.aws/v1beta1', 'IngressClassParams', 'lbc', undefined, { spec: { scheme: 'internal' } }),
      object('storage.k8s.io/v1', 'StorageClass', 'gp3', undefined, {
        provisioner: 'ebs.csi.eks.amazonaws.com',
        parameters: { type: 'gp3' },
        volumeBindingMode: 'WaitForFirstConsumer',
      }),
      object('v1', 'PersistentVolumeClaim', 'data', 'shop', {
        spec: { storageClassName: 'gp3', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } },
        status: { phase: 'Bound' },
      }),
      object('v1', 'PersistentVolume', 'pv-1', undefined, {
        spec: { storageClassName: 'efs-sc', csi: { driver: 'efs.csi.aws.com', volumeHandle: 'fs-1::fsap-1' } },
      }),
      object('policy/v1', 'PodDisruptionBudget', 'web', 'shop', { spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } }),
      object('networking.k8s.io/v1', 'NetworkPolicy', 'deny', 'shop', { spec: { podSelector: {} } }),
      object('v1', 'ServiceAccount', 'web', 'shop', {
        metadata: { name: 'web', namespace: 'shop', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/web' } },
      }),
      object('vpcresources.k8s.aws/v1beta1', 'SecurityGroupPolicy', 'web', 'shop', {
        spec: { podSelector: { matchLabels: { app: 'web' } }, securityGroups: { groupIds: ['sg-1'] } },
      }),
      object('karpenter.sh/v1', 'NodePool', 'general', undefined, {
        spec: {
          template: {
            spec: {
              nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: 'default' },
              requirements: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] }],
            },
          },
        },
      }),
      object('eks.amazonaws.com/v1', 'NodeClass', 'default', undefined, { spec: { role: 'node-role', ephemeralStorage: { size: 80 } } }),
      object('karpenter.k8s.aws/v1', 'EC2NodeClass', 'default', undefined, {
        spec: { role: 'karpenter-node', subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'demo' } }] },
      }),
      object('v1', 'ConfigMap', 'aws-logging', 'aws-observability', { data: { 'output.conf': '[OUTPUT]\n' }, binaryData: { blob: 'AAAA' } }),
      object('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', 'shop', {
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5 },
      }),
      object('v1', 'Secret', 'db', 'shop', { type: 'Opaque', data: { password: 'c2VjcmV0' } }),
      object('rbac.authorization.k8s.io/v1', 'Role', 'reader'),
      object('rbac.authorization.k8s.io/v1', 'ClusterRole', 'admin'),
      object('monitoring.coreos.com/v1', 'PodMonitor', 'web', 'shop'),
    );
    expect(problems).toEqual([]);

    const counts = Object.fromEntries(Object.entries(inventory).map(([key, value]) => [key, Array.isArray(value) ? value.length : value]));
    expect(counts).toEqual({
      ...Object.fromEntries(Object.keys(emptyInventory()).map((key) => [key, key === 'cluster' || key === 'collectedAt' ? null : 0])),
      namespaces: 1,
      nodes: 1,
      services: 1,
      ingresses: 1,
      ingressClasses: 1,
      ingressClassParams: 2,
      storageClasses: 1,
      persistentVolumeClaims: 1,
      persistentVolumes: 1,
      podDisruptionBudgets: 1,
      networkPolicies: 1,
      serviceAccounts: 1,
      securityGroupPolicies: 1,
      nodePools: 1,
      nodeClasses: 2,
      configMaps: 1,
      horizontalPodAutoscalers: 1,
      secrets: 1,
      other: 3,
    });

    expect(inventory.nodes).toEqual([
      {
        name: 'ip-10-0-1-2',
        labels: { 'eks.amazonaws.com/compute-type': 'fargate' },
        taints: [{ key: 'eks.amazonaws.com/compute-type', value: 'fargate', effect: 'NoSchedule' }],
        origin: { file: 'inventory.yaml', line: 20 },
      },
    ]);
    expect(inventory.storageClasses[0]).toEqual({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'gp3', labels: {}, annotations: {} },
      spec: {},
      provisioner: 'ebs.csi.eks.amazonaws.com',
      parameters: { type: 'gp3' },
      origin: { file: 'inventory.yaml', line: 80 },
    });
    expect(inventory.configMaps[0]).toEqual({
      metadata: { name: 'aws-logging', namespace: 'aws-observability', labels: {}, annotations: {} },
      data: { 'output.conf': '[OUTPUT]\n' },
      origin: { file: 'inventory.yaml', line: 180 },
    });
    expect(inventory.secrets).toEqual([{ namespace: 'shop', name: 'db', type: 'Opaque' }]);
    expect(inventory.serviceAccounts[0]?.metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/web' });
    expect(inventory.nodeClasses.map((c) => [c.kind, c.metadata.name, c.metadata.namespace])).toEqual([
      ['EC2NodeClass', 'default', undefined],
      ['NodeClass', 'default', undefined],
    ]);
    // A quantity YAML wrote as a number reaches rules as the string the model promises.
    expect(inventory.nodeClasses[1]?.spec.ephemeralStorage?.size).toBe('80');
    expect(inventory.ingressClassParams.map((p) => p.apiVersion)).toEqual(['eks.amazonaws.com/v1', 'elbv2.k8s.aws/v1beta1']);
    expect(inventory.persistentVolumeClaims[0]?.metadata.namespace).toBe('shop');
    expect(inventory.persistentVolumes[0]?.metadata.namespace).toBeUndefined();
    expect(inventory.other).toEqual([
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', namespace: null, name: 'admin', origin: { file: 'inventory.yaml', line: 220 } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', namespace: 'default', name: 'reader', origin: { file: 'inventory.yaml', line: 210 } },
      { apiVersion: 'monitoring.coreos.com/v1', kind: 'PodMonitor', namespace: 'shop', name: 'web', origin: { file: 'inventory.yaml', line: 230 } },
    ]);
  });

  it('keeps only the metadata the model declares and drops what could carry applied Secret data', () => {
    const { inventory } = normalize(
      object('v1', 'Service', 'web', 'shop', {
        metadata: {
          name: 'web',
          namespace: 'shop',
          uid: 'd3b07384',
          resourceVersion: '4711',
          creationTimestamp: '2026-01-01T00:00:00Z',
          managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:spec': {} } }],
          annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"spec":{}}', keep: 'me' },
        },
        spec: {},
      }),
    );
    expect(inventory.services[0]?.metadata).toEqual({ name: 'web', namespace: 'shop', labels: {}, annotations: { keep: 'me' } });
  });

  it('ignores a namespace written on a cluster-scoped object', () => {
    const { inventory } = normalize(object('storage.k8s.io/v1', 'StorageClass', 'gp3', 'kube-system', { provisioner: 'ebs.csi.aws.com' }));
    expect(inventory.storageClasses[0]?.metadata).toEqual({ name: 'gp3', labels: {}, annotations: {} });
  });

  it('reports malformed objects of every bucket and keeps going', () => {
    const { inventory, problems } = normalize(
      object('v1', 'Service', 'web', 'shop', { spec: { ports: [{ port: '80' }] } }),
      object('storage.k8s.io/v1', 'StorageClass', 'gp3'),
      object('v1', 'ConfigMap', 'cm', 'shop', { data: { replicas: 3 } }),
      object('v1', 'Node', 'n1', undefined, { spec: { taints: [{ key: 'a' }] } }),
      object('v1', 'Service', 'fine', 'shop', { spec: {} }),
    );
    expect(problems.map((p) => `${p.line} ${p.severity} ${p.message}`)).toEqual([
      '10 error Service shop/web: spec.ports[0].port must be an integer',
      '20 error StorageClass gp3: provisioner is required',
      '30 error ConfigMap shop/cm: data.replicas must be a string',
      '40 error Node n1: spec.taints[0].effect is required',
    ]);
    expect(inventory.services.map((s) => s.metadata.name)).toEqual(['fine']);
  });
});

describe('documents that are not Kubernetes objects', () => {
  it('skips them with the reason, and reads the rest', () => {
    const { inventory, problems } = normalize(
      null,
      'just text',
      [1, 2],
      { replicaCount: 3, image: { tag: 'latest' } },
      { apiVersion: 'v2', name: 'chart' },
      { kind: 'Deployment', metadata: { name: 'x' } },
      { apiVersion: 'v1', kind: 'Config', clusters: [] },
      { apiVersion: 1, kind: 'Service' },
      deployment('web', 'shop'),
    );
    expect(inventory.workloads).toHaveLength(1);
    expect(problems).toEqual([
      { file: 'inventory.yaml', line: 20, severity: 'skipped', message: 'not a Kubernetes object or AWS CLI output (the document is plain text)' },
      { file: 'inventory.yaml', line: 30, severity: 'skipped', message: 'not a Kubernetes object or AWS CLI output (the document is a list)' },
      { file: 'inventory.yaml', line: 40, severity: 'skipped', message: 'not a Kubernetes object (no apiVersion and kind) nor a known AWS CLI output' },
      { file: 'inventory.yaml', line: 50, severity: 'skipped', message: 'not a Kubernetes object: it has no kind' },
      { file: 'inventory.yaml', line: 60, severity: 'skipped', message: 'not a Kubernetes object: it has no apiVersion' },
      { file: 'inventory.yaml', line: 70, severity: 'skipped', message: 'Config (v1) has no metadata, so it is not a cluster object' },
      { file: 'inventory.yaml', line: 80, severity: 'error', message: 'apiVersion and kind must be strings' },
    ]);
  });
});

describe('lists', () => {
  it('flattens kind: List and typed lists, filling in the kind the API leaves out of items', () => {
    const { inventory, problems } = normalize(
      {
        apiVersion: 'v1',
        kind: 'List',
        metadata: { resourceVersion: '' },
        items: [deployment('a', 'shop'), object('v1', 'Service', 'a', 'shop', { spec: {} })],
      },
      { apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'p', namespace: 'shop' }, spec: { containers: [{ name: 'c' }] } }] },
      { apiVersion: 'v1', kind: 'ServiceList', items: [] },
      { apiVersion: 'v1', kind: 'List' },
    );
    expect(problems).toEqual([]);
    expect(inventory.workloads.map((w) => [w.key, w.apiVersion, w.origin.line])).toEqual([
      ['Deployment/shop/a', 'apps/v1', 10],
      ['Pod/shop/p', 'v1', 20],
    ]);
    expect(inventory.services).toHaveLength(1);
  });

  it('does not take a CRD whose kind ends in List for a list', () => {
    const { inventory } = normalize(object('example.com/v1', 'AllowList', 'ips', 'shop', { spec: { items: 'x' } }));
    expect(inventory.other.map((o) => o.kind)).toEqual(['AllowList']);
  });
});
