// The README's ClusterRoles and IAM policy are the fake servers' only grants, so a collect that
// succeeds here proves them sufficient; these tests also prove them no wider than the code needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from './collect.js';
import { KINDS } from './kinds.js';
import type { CollectReport } from './types.js';
import { iamAllows, kubeAttributes, rbacAllows, readmeDocuments, roleNamed } from './testing/policy.js';
import { startWorld, TOKEN, type World } from './__fixtures__/world.js';

const docs = readmeDocuments();
const main = roleNamed(docs.roles, 'modeshift-collect');
const secretNames = roleNamed(docs.roles, 'modeshift-collect-secret-names');

const ACTIONS = [
  'eks:DescribeCluster',
  'eks:ListFargateProfiles',
  'eks:DescribeFargateProfile',
  'eks:ListNodegroups',
  'eks:DescribeNodegroup',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSubnets',
];

describe('the documented ClusterRoles', () => {
  it('grant list on every kind the collector reads, Secrets only through the optional role', () => {
    for (const spec of KINDS) {
      const attrs = { verb: 'list', apiGroup: spec.group, resource: spec.plural, namespace: null, name: null };
      expect(rbacAllows([main], attrs), spec.kind).toBe(!spec.metadataOnly);
      expect(rbacAllows([main, secretNames], attrs), spec.kind).toBe(true);
    }
    expect(rbacAllows([main], { nonResourceURL: '/apis', verb: 'get' })).toBe(true);
  });

  it('grant nothing but reads, and nothing beyond the kinds read', () => {
    const known = new Set(KINDS.map((k) => `${k.group}/${k.plural}`));
    for (const rule of [...main.rules, ...secretNames.rules]) {
      expect(rule.verbs.every((verb) => verb === 'get' || verb === 'list')).toBe(true);
      for (const group of rule.apiGroups ?? [])
        for (const resource of rule.resources ?? []) expect(known.has(`${group}/${resource}`), `${group}/${resource}`).toBe(true);
    }
    expect(secretNames.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }]);
  });
});

describe('the kinds table', () => {
  it('gives every kind its own output file and its own name in reports', () => {
    expect(new Set(KINDS.map((k) => k.file)).size).toBe(KINDS.length);
    expect(new Set(KINDS.map((k) => k.label)).size).toBe(KINDS.length);
    expect(new Set(KINDS.map((k) => `${k.group}/${k.plural}`)).size).toBe(KINDS.length);
  });
});

describe('the documented IAM policy', () => {
  it('allows exactly the read actions the collector calls', () => {
    const listed = docs.iam.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(listed.sort()).toEqual([...ACTIONS].sort());
    expect(docs.iam.Statement.every((s) => s.Effect === 'Allow')).toBe(true);
  });
});

describe('a collect under exactly the documented grants', () => {
  let world: World;
  let report: CollectReport;
  beforeAll(async () => {
    world = await startWorld();
    report = await collect(world.options());
  });
  afterAll(() => world.close());

  it('is never refused: every Kubernetes request is allowed by the ClusterRoles', () => {
    expect(report.notCollected).toEqual([]);
    for (const r of world.kube.requests) {
      expect(r.deniedBy, r.path).toBeUndefined();
      expect(rbacAllows([main, secretNames], kubeAttributes(r.method, r.path)), r.path).toBe(true);
    }
  });

  it('is never refused: every AWS call is allowed by the IAM policy, and every allowed action is used', () => {
    for (const r of world.aws.requests) {
      expect(r.deniedBy, r.action).toBeUndefined();
      expect(iamAllows(docs.iam, r.action), r.action).toBe(true);
    }
    expect(new Set(world.aws.requests.map((r) => r.action))).toEqual(new Set(ACTIONS));
  });

  it('is served by fake APIs that refuse anything the documents do not grant', async () => {
    const get = (path: string, init: RequestInit = {}) => fetch(`${world.kube.url}${path}`, { ...init, headers: { Authorization: `Bearer ${TOKEN}` } });
    expect((await get('/api/v1/namespaces/shop/secrets/db-password')).status).toBe(403);
    expect((await get('/api/v1/events')).status).toBe(403);
    expect((await get('/apis/rbac.authorization.k8s.io/v1/clusterroles')).status).toBe(403);
    expect((await get('/api/v1/namespaces/shop/configmaps', { method: 'POST' })).status).toBe(403);
    expect(iamAllows(docs.iam, 'eks:ListClusters')).toBe(false);
    expect(iamAllows(docs.iam, 'ec2:DescribeInstances')).toBe(false);
  });
});

describe('with the required ClusterRole only', () => {
  it('collects everything but Secret names, and says so', async () => {
    const world = await startWorld({ secretNames: false });
    try {
      const report = await collect(world.options());
      expect(report.notCollected).toEqual([{ kind: 'Secret', namespace: null, reason: 'forbidden' }]);
      expect(report.files).not.toContain('kubernetes/secrets.json');
      const denied = world.kube.requests.filter((r) => r.deniedBy !== undefined);
      expect(denied.length).toBeGreaterThan(0);
      expect(denied.every((r) => r.path.endsWith('/secrets'))).toBe(true);
    } finally {
      await world.close();
    }
  });
});
