import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { LogOutput } from '@modeshift/plan';
import * as m from './index.js';

// Every builder, called with one fixed input. Plans are diffed and snapshotted, so each call must give the same
// object with the same key order, and no object may be shared inside a result (YAML would emit anchors, and a
// caller editing one field would silently edit another).
const outputs: LogOutput[] = [{ plugin: 'cloudwatch_logs', params: { match: '*', region: 'eu-west-1', log_group_name: '/eks/demo' } }];
const meta = { name: 'web', namespace: 'shop', labels: { b: '2', a: '1' }, annotations: { 'alb.ingress.kubernetes.io/scheme': 'internal' } };
const BUILDERS: Record<string, () => unknown> = {
  nodePool: () =>
    m.nodePoolManifest(
      {
        kind: 'node-pool',
        name: 'spot',
        purpose: 'spot',
        requirements: [],
        taints: [{ key: 'spot', effect: 'NoSchedule' }],
        podSecurityGroupIds: [],
        limits: {},
      },
      'default',
    ),
  nodeClass: () =>
    m.nodeClassManifest({ name: 'pods', role: 'r', subnetIds: ['subnet-0b', 'subnet-0a'], securityGroupIds: ['sg-0a'], podSecurityGroupIds: ['sg-0c'] }),
  securityGroupPolicy: () =>
    m.securityGroupPolicyManifest({ name: 'p', namespace: 'n', groupIds: ['sg-0b', 'sg-0a'], podSelector: { matchLabels: { b: '2', a: '1' } } }),
  logAgent: () => m.logAgentManifests(outputs, { clusterName: 'demo', region: 'eu-west-1' }),
  awsLogging: () => m.awsLoggingManifests(outputs),
  ingressClass: () => m.autoModeIngressClassManifests('alb-auto', { groupName: 'g' }),
  ingress: () =>
    m.blueGreenIngress(
      { metadata: meta, spec: { ingressClassName: 'alb', rules: [{ host: 'shop.example.com' }] } },
      { ingressClassName: 'alb-auto', suffix: 'auto', dropAnnotations: [] },
    ),
  service: () =>
    m.blueGreenService(
      { metadata: meta, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] } },
      { loadBalancerClass: 'eks.amazonaws.com/nlb', suffix: 'auto', dropAnnotations: [] },
    ),
  storageClass: () => m.autoModeStorageClassManifest('auto-ebs', { isDefault: true }),
  podExecutionTrust: () => m.podExecutionRoleTrustPolicy({ region: 'eu-west-1', accountId: '111122223333', clusterName: 'demo' }),
  clusterRoleTrust: () => m.autoModeClusterRoleTrustPolicy(),
  nodeRoleTrust: () => m.autoModeNodeRoleTrustPolicy(),
  irsaTrust: () =>
    m.irsaTrustPolicy({ accountId: '111122223333', oidcIssuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC', namespace: 'n', serviceAccount: 's' }),
};

function sharedObjects(value: unknown, seen = new Set<object>()): number {
  if (value === null || typeof value !== 'object') return 0;
  if (seen.has(value)) return 1;
  seen.add(value);
  return Object.values(value).reduce<number>((n, v) => n + sharedObjects(v, seen), 0);
}

describe('manifest builders', () => {
  it.each(Object.keys(BUILDERS))('%s: same input, deep-equal result and identical JSON', (name) => {
    const build = BUILDERS[name]!;
    const [a, b] = [build(), build()];
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it.each(Object.keys(BUILDERS))('%s: no object is shared inside the result, so YAML has no anchors', (name) => {
    const result = BUILDERS[name]!();
    expect(sharedObjects(result)).toBe(0);
    expect(stringify(result)).not.toMatch(/[&*]a\d+/);
  });

  it('sorts the label maps it copies, so collection order does not leak into bytes', () => {
    const service = BUILDERS['service']!() as { metadata: { labels: Record<string, string> } };
    expect(Object.keys(service.metadata.labels)).toEqual(['a', 'app.kubernetes.io/managed-by', 'b']);
  });
});
