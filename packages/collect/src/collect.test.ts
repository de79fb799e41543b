import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { collect } from './collect.js';
import type { CollectReport, ProgressEvent } from './types.js';
import { startWorld, TOKEN, type World } from './__fixtures__/world.js';

const FILES = [
  'aws/describe-cluster.json',
  'aws/fargate-profiles/fp-default.json',
  'aws/fargate-profiles/fp-observability.json',
  'aws/fargate-profiles/fp-shop.json',
  'aws/nodegroups/general.json',
  'aws/security-groups.json',
  'aws/subnets.json',
  'collection.json',
  'kubernetes/configmaps.json',
  'kubernetes/cronjobs.json',
  'kubernetes/daemonsets.json',
  'kubernetes/deployments.json',
  'kubernetes/horizontalpodautoscalers.json',
  'kubernetes/ingressclasses.json',
  'kubernetes/ingresses.json',
  'kubernetes/jobs.json',
  'kubernetes/namespaces.json',
  'kubernetes/nodeclasses.json',
  'kubernetes/nodepools.json',
  'kubernetes/nodes.json',
  'kubernetes/persistentvolumeclaims.json',
  'kubernetes/persistentvolumes.json',
  'kubernetes/poddisruptionbudgets.json',
  'kubernetes/pods.json',
  'kubernetes/replicasets.json',
  'kubernetes/secrets.json',
  'kubernetes/securitygrouppolicies.json',
  'kubernetes/serviceaccounts.json',
  'kubernetes/services.json',
  'kubernetes/statefulsets.json',
  'kubernetes/storageclasses.json',
  'not-collected.json',
];

interface Item {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown> & { name: string; namespace?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
}
type List = { apiVersion: string; kind: string; items: Item[] };

const awsFixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./__fixtures__/aws/${name}`, import.meta.url), 'utf8')) as T;

/** The scenario: a cluster with a throttled pods list, a kind forbidden everywhere, a kind allowed in one namespace only. */
const scenario = {
  kube: {
    throttle: { pods: 2 },
    missing: ['elbv2.k8s.aws/v1beta1/ingressclassparams', 'eks.amazonaws.com/v1/ingressclassparams'],
    forbid: (a: { resource: string; namespace: string | null }) => a.resource === 'networkpolicies' || (a.resource === 'configmaps' && a.namespace !== 'shop'),
  },
  aws: { throttle: { 'eks:ListFargateProfiles': 1 } },
};

describe('collect against fake Kubernetes, EKS and EC2 APIs', () => {
  let world: World;
  let report: CollectReport;
  const events: ProgressEvent[] = [];
  const list = (name: string) => world.json<List>(`kubernetes/${name}.json`);

  beforeAll(async () => {
    world = await startWorld(scenario);
    // Only Date is faked: the fake APIs and retries still run on real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T09:30:00.750Z'));
    try {
      report = await collect(world.options(), (event) => events.push(event));
    } finally {
      vi.useRealTimers();
    }
  });
  afterAll(() => world.close());

  it('records when the cluster was read, in whole seconds, for the plan to carry as its inventory date', async () => {
    expect(await world.json('collection.json')).toEqual({ collection: { collectedAt: '2026-11-20T09:30:00Z' } });
    expect(report.collectedAt).toBe('2026-11-20T09:30:00Z');
  });

  it('writes exactly the inventory files, and reports them with counts per kind', async () => {
    expect(await world.files()).toEqual(FILES);
    expect(report.files).toEqual(FILES);
    expect(report.out).toBe(world.out);
    expect(report.context).toBe('arn:aws:eks:eu-west-1:111122223333:cluster/demo');
    expect(report.cluster).toEqual({ name: 'demo', region: 'eu-west-1' });
    expect(report.counts).toEqual({
      Cluster: 1,
      ConfigMap: 1,
      CronJob: 0,
      DaemonSet: 1,
      Deployment: 2,
      FargateProfile: 3,
      HorizontalPodAutoscaler: 0,
      Ingress: 1,
      IngressClass: 1,
      Job: 0,
      Namespace: 4,
      Node: 2,
      NodeClass: 1,
      NodePool: 1,
      Nodegroup: 1,
      PersistentVolume: 0,
      PersistentVolumeClaim: 1,
      Pod: 5,
      PodDisruptionBudget: 1,
      ReplicaSet: 1,
      Secret: 2,
      SecurityGroup: 4,
      SecurityGroupPolicy: 1,
      Service: 2,
      ServiceAccount: 2,
      StatefulSet: 1,
      StorageClass: 1,
      Subnet: 3,
    });
  });

  it('writes kubectl-style Lists of self-describing items sorted by namespace and name', async () => {
    const pods = await list('pods');
    expect(pods.apiVersion).toBe('v1');
    expect(pods.kind).toBe('List');
    expect(pods.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'kube-system/aws-node-x7k2p',
      'kube-system/coredns-5b9d7-q2w3e',
      'shop/cart-7d9f8-abcde',
      'shop/cart-7d9f8-fghij',
      'shop/web-0',
    ]);
    for (const file of FILES.filter((f) => f.startsWith('kubernetes/'))) {
      const { items } = await world.json<List>(file);
      for (const item of items) {
        expect(typeof item.apiVersion, file).toBe('string');
        expect(typeof item.kind, file).toBe('string');
      }
    }
    expect((await list('nodepools')).items[0]?.apiVersion).toBe('karpenter.sh/v1');
    expect((await list('securitygrouppolicies')).items[0]).toMatchObject({ apiVersion: 'vpcresources.k8s.aws/v1beta1', kind: 'SecurityGroupPolicy' });
    expect((await list('deployments')).items[0]).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
  });

  it('drops volatile metadata and status but keeps what a planner reads', async () => {
    for (const file of FILES.filter((f) => f.startsWith('kubernetes/'))) {
      for (const item of (await world.json<List>(file)).items) {
        for (const key of ['managedFields', 'resourceVersion', 'uid', 'creationTimestamp', 'generation']) {
          expect(item.metadata, `${file} ${item.metadata.name}`).not.toHaveProperty([key]);
        }
      }
    }
    for (const file of FILES) expect(await world.read(file)).not.toContain('last-applied-configuration');

    const [cart] = (await list('deployments')).items.filter((d) => d.metadata.name === 'cart');
    expect(cart?.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '3' });
    expect(cart?.spec).toMatchObject({ replicas: 2, template: { spec: { serviceAccountName: 'cart' } } });
    expect(cart).not.toHaveProperty('status');

    const pod = (await list('pods')).items.find((p) => p.metadata.name === 'cart-7d9f8-abcde');
    expect(pod?.spec?.nodeName).toBe('fargate-ip-10-0-1-17.eu-west-1.compute.internal');
    expect(pod?.status).toEqual({ phase: 'Running', qosClass: 'Burstable' });
    expect(pod?.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'cart-7d9f8', uid: 'rs1', controller: true }]);

    const node = (await list('nodes')).items.find((n) => n.metadata.name.startsWith('fargate-'));
    expect(Object.keys(node?.status ?? {})).toEqual(['nodeInfo', 'capacity', 'allocatable']);
    expect((await list('nodeclasses')).items[0]?.status).toEqual({
      subnets: [{ id: 'subnet-0priv1', zone: 'eu-west-1a', zoneID: 'euw1-az1' }],
      securityGroups: [{ id: 'sg-0cluster', name: 'eks-cluster-sg-demo' }],
    });
    expect((await list('nodepools')).items[0]).not.toHaveProperty('status');
    expect((await list('configmaps')).items).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cart-config', namespace: 'shop' }, data: { LOG_LEVEL: 'info' } },
    ]);
  });

  it('pages through every list with limit and the continue token the server gave', () => {
    const pages = world.kube.requests.filter((r) => r.path === '/api/v1/pods' && r.status === 200).map((r) => r.query);
    expect(pages).toEqual([
      { limit: '2' },
      { limit: '2', continue: Buffer.from('{"offset":2,"rv":"9100"}').toString('base64') },
      { limit: '2', continue: Buffer.from('{"offset":4,"rv":"9100"}').toString('base64') },
    ]);
    expect(world.kube.requests.every((r) => r.path === '/apis' || r.query.limit === '2')).toBe(true);
  });

  it('retries a throttled list (429 twice, then 200) and still gets every item', async () => {
    const statuses = world.kube.requests.filter((r) => r.path === '/api/v1/pods').map((r) => r.status);
    expect(statuses).toEqual([429, 429, 200, 200, 200]);
    expect((await list('pods')).items).toHaveLength(5);
  });

  it('records forbidden kinds and namespaces in not-collected.json and carries on', async () => {
    const expected = [
      { kind: 'ConfigMap', namespace: 'aws-observability', reason: 'forbidden' },
      { kind: 'ConfigMap', namespace: 'default', reason: 'forbidden' },
      { kind: 'ConfigMap', namespace: 'kube-system', reason: 'forbidden' },
      { kind: 'NetworkPolicy', namespace: null, reason: 'forbidden' },
    ];
    expect(await world.json('not-collected.json')).toEqual({ notCollected: expected });
    expect(report.notCollected).toEqual(expected);
    expect(events.filter((e) => e.type === 'not-collected').map((e) => e.type === 'not-collected' && e.entry)).toEqual(expect.arrayContaining(expected));
  });

  it('skips CRDs whose group is not served, and treats a 404 CRD as absent, not as an error', () => {
    expect(world.kube.requests.some((r) => r.path.includes('karpenter.k8s.aws'))).toBe(false);
    expect(world.kube.requests.filter((r) => r.path.endsWith('/ingressclassparams')).map((r) => r.status)).toEqual([404, 404]);
    expect(report.files.some((f) => f.includes('ec2nodeclasses') || f.includes('ingressclassparams'))).toBe(false);
    expect(report.notCollected.some((e) => e.kind === 'EC2NodeClass' || e.kind === 'IngressClassParams')).toBe(false);
  });

  it('never asks for Secret data and never writes it, though the server would serve it', async () => {
    const secretRequests = world.kube.requests.filter((r) => r.path.endsWith('/secrets'));
    const full = await fetch(`${world.kube.url}/api/v1/secrets`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(await full.text()).toContain('c3VwZXItc2VjcmV0LXBhc3N3b3Jk');

    expect(secretRequests.length).toBeGreaterThan(0);
    for (const r of secretRequests) expect(r.accept).toBe('application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1');
    for (const file of FILES) {
      const text = await world.read(file);
      for (const secret of ['c3VwZXItc2VjcmV0', 'super-secret', 'LS0tLS1CRUdJTi']) expect(text, file).not.toContain(secret);
    }
    expect((await list('secrets')).items).toEqual([
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-password', namespace: 'shop', labels: { app: 'cart' } } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls-cart', namespace: 'shop' } },
    ]);
  });

  it('only reads: GET on Kubernetes, Describe and List on AWS', () => {
    expect(world.kube.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(world.kube.requests.some((r) => r.deniedBy === 'rbac')).toBe(false);
    expect(new Set(world.aws.requests.map((r) => r.action))).toEqual(
      new Set([
        'eks:DescribeCluster',
        'eks:ListFargateProfiles',
        'eks:DescribeFargateProfile',
        'eks:ListNodegroups',
        'eks:DescribeNodegroup',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSubnets',
      ]),
    );
    // EC2's Query protocol always POSTs; its only actions here are Describe*.
    for (const r of world.aws.requests) expect(r.method).toBe(r.service === 'eks' ? 'GET' : 'POST');
    expect(world.aws.requests.some((r) => r.deniedBy !== undefined)).toBe(false);
  });

  it('signs AWS calls for the region in the context ARN, with env credentials, at AWS_ENDPOINT_URL_*', () => {
    expect(world.aws.requests.length).toBeGreaterThan(0);
    expect(new Set(world.aws.requests.map((r) => r.region))).toEqual(new Set(['eu-west-1']));
  });

  it('writes EKS answers in AWS CLI shape, paginating and retrying a throttled list', async () => {
    const cluster = awsFixture<Record<string, unknown>>('cluster.json');
    expect(await world.json('aws/describe-cluster.json')).toEqual({ cluster: { ...cluster, createdAt: '2025-01-10T08:00:00.000Z' } });
    const profile = await world.json<{ fargateProfile: { selectors: unknown } }>('aws/fargate-profiles/fp-shop.json');
    expect(profile.fargateProfile.selectors).toEqual([{ namespace: 'shop', labels: { app: 'cart' } }]);
    const lists = world.aws.requests.filter((r) => r.action === 'eks:ListFargateProfiles');
    expect(lists.map((r) => [r.status, r.params.nextToken])).toEqual([
      [429, undefined],
      [200, undefined],
      [200, '2'],
    ]);
  });

  it('describes only the security groups and subnets the cluster references, by ID or by selector, parsed from EC2 XML', async () => {
    const groups = awsFixture<{ GroupId: string }[]>('security-groups.json');
    const subnets = awsFixture<{ SubnetId: string }[]>('subnets.json');
    const sg = await world.json<{ SecurityGroups: unknown[] }>('aws/security-groups.json');
    expect(sg.SecurityGroups).toEqual(['sg-0cluster', 'sg-0ctrl', 'sg-0pods', 'sg-0ssh'].map((id) => groups.find((g) => g.GroupId === id)));
    const sn = await world.json<{ Subnets: unknown[] }>('aws/subnets.json');
    expect(sn.Subnets).toEqual(['subnet-0priv1', 'subnet-0priv2', 'subnet-0pub1'].map((id) => subnets.find((s) => s.SubnetId === id)));
    const sgCalls = world.aws.requests.filter((r) => r.action === 'ec2:DescribeSecurityGroups');
    expect(sgCalls.map((r) => r.params.NextToken)).toEqual([undefined, '2', undefined]);
    expect(sgCalls[0]?.params).toMatchObject({ 'Filter.1.Name': 'group-id', 'Filter.1.Value.1': 'sg-0cluster' });
    // The default NodeClass selects its groups by tag: asked within the cluster's VPC, it adds nothing new here.
    expect(sgCalls[2]?.params).toMatchObject({
      'Filter.1.Name': 'vpc-id',
      'Filter.1.Value.1': 'vpc-0demo',
      'Filter.2.Name': 'tag:kubernetes.io/cluster/demo',
      'Filter.2.Value.1': 'owned',
    });
  });

  it('sends running counts per kind as pages arrive, then a final count', () => {
    const pods = events.filter((e) => (e.type === 'count' || e.type === 'done') && e.kind === 'Pod');
    expect(pods).toEqual([
      { type: 'count', kind: 'Pod', count: 2 },
      { type: 'count', kind: 'Pod', count: 4 },
      { type: 'count', kind: 'Pod', count: 5 },
      { type: 'done', kind: 'Pod', count: 5 },
    ]);
    expect(events.filter((e) => e.type === 'phase').map((e) => e.type === 'phase' && e.phase)).toEqual(['kubernetes', 'aws', 'writing']);
  });

  it('writes byte-identical output when the cluster has not changed, but for the collection date', async () => {
    const again = await startWorld(scenario);
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-21T08:00:00Z'));
      try {
        await collect(again.options());
      } finally {
        vi.useRealTimers();
      }
      for (const file of FILES.filter((f) => f !== 'collection.json')) expect(await again.read(file), file).toBe(await world.read(file));
      expect(await again.json('collection.json')).toEqual({ collection: { collectedAt: '2026-11-21T08:00:00Z' } });
    } finally {
      await again.close();
    }
  });
});
